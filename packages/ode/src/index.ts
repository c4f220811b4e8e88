export { InvalidArgumentError, IntegrationError, formatValue } from '@jepa-dynamics/core';
export { solveIvp } from './solver/solveIvp.js';
export type {
  RhsFunction,
  JacobianFunction,
  Method,
  MethodChoice,
  AutoSwitchOptions,
  ClockRestartOptions,
  EventFunction,
  SolveOptions,
  SolveStatus,
  SolveStats,
  EventRecord,
  MethodSwitch,
  ClockSegment,
  SolveResult,
  DenseSolveResult,
  BdfFormula,
  LinearSolverChoice,
  JacobianBandwidth,
  JacobianSparsity,
  JacobianVectorProduct,
  PreconditionerSolve,
  PreconditionerSetup,
  GmresOptions,
} from './solver/types.js';
export type { SolveControls, StepStats, AbortSignalLike } from './solver/solveControls.js';
export { createIntegrator } from './solver/createIntegrator.js';
export { BDF_FORMULAS } from './solver/bdfCoefficients.js';
export { LINEAR_SOLVERS } from './solver/linear/linearSolverChoice.js';
export type { Integrator, IntegratorOptions, IntegratorState, IntegratorStatus } from './solver/integratorTypes.js';
export { solverMethods } from './solver/solverMethods.js';
export type { SolverMethodInfo } from './solver/solverMethods.js';
export { METHOD_NEEDS } from './solver/methodDefinition.js';
export type { MethodInfo, MethodNeed, Order } from './solver/methodDefinition.js';
export type { MethodRegistry } from './solver/methodRegistry.js';
export type { Objective, TimeUnit, Formulation, NoCriticalTimeReason } from '@jepa-dynamics/core';
export type { FeatureInput, Feature, CriticalTimeResult } from './flows/types.js';
export { resolveFeature, FEATURE_CONSISTENCY_RTOL } from './flows/resolveFeature.js';
export { perLayerFlow, perLayerRate } from './flows/perLayerFlow.js';
export { endToEndFlow, endToEndRate } from './flows/endToEndFlow.js';
export { layerwiseFlow } from './flows/layerwiseFlow.js';
export { fixedPoint } from './flows/fixedPoint.js';
export type { FixedPoint } from './flows/fixedPoint.js';
export { implicitTime } from './flows/implicitTime.js';
export type { ImplicitTimeOptions } from './flows/implicitTime.js';
export { leadingOrderCriticalTime } from './flows/leadingOrderCriticalTime.js';
export type { LeadingOrderOptions } from './flows/leadingOrderCriticalTime.js';
export { leadingOrderTerms } from './flows/leadingOrderTerms.js';
export type { LeadingOrderTerms } from './flows/leadingOrderTerms.js';
export { criticalTime, criticalTimes } from './flows/criticalTime.js';
export { turnedPlaneCriticalTime, turnedPlaneDelayFactor } from './flows/turnedPlane.js';
export type { TurnedPlaneOptions, TurnedPlaneResult } from './flows/turnedPlane.js';
export type { CriticalTimeMethod, CriticalTimeOptions } from './flows/criticalTime.js';
export { resolveFeatureArrays } from './flows/featureArrays.js';
export type { FeatureArrays, ResolvedFeatureArrays, NumberColumn } from './flows/featureArrays.js';
export type { BatchParameter } from './flows/batchParameter.js';
export { criticalTimeBatch, CRITICAL_TIME_STATUSES, BATCH_CRITICAL_TIME_METHODS } from './flows/criticalTimeBatch.js';
export type { CriticalTimeBatch, CriticalTimeBatchOptions, CriticalTimeStatus } from './flows/criticalTimeBatch.js';
export { fixedPointBatch } from './flows/fixedPointBatch.js';
export type { FixedPointBatch } from './flows/fixedPointBatch.js';
export { implicitTimeBatch, IMPLICIT_TIME_STATUSES } from './flows/implicitTimeBatch.js';
export type { ImplicitTimeBatch, ImplicitTimeBatchOptions, ImplicitTimeStatus } from './flows/implicitTimeBatch.js';
export { flowTrajectory, flowTrajectories } from './flows/flowTrajectory.js';
export type { TrajectoryOptions, Trajectory } from './flows/flowTrajectory.js';
export { criticalTimeRatio } from './flows/criticalTimeRatio.js';
export { timeFactor } from './flows/timeFactor.js';
export { closedFormTrajectory } from './flows/closedFormTrajectory.js';
export type { ClosedFormTrajectory, ClosedFormTrajectoryOptions } from './flows/closedFormTrajectory.js';
export type { CriticalTimeRatio } from './flows/criticalTimeRatio.js';
export { learningOrder, orderFlipDepth } from './flows/learningOrder.js';
export { flipDepthBatch, FLIP_DEPTH_STATUSES } from './flows/flipDepthBatch.js';
export { learnedBy } from './flows/learnedBy.js';
export type { LearnedBy, LearnedByOptions } from './flows/learnedBy.js';
export type { FlipDepthBatch, FlipDepthBatchOptions, FlipDepthStatus } from './flows/flipDepthBatch.js';
export type { LearningOrder, OrderFlipDepth } from './flows/learningOrder.js';
export { luDecompose, luSolve } from '@jepa-dynamics/core';
export { finiteDifferenceJacobian } from './solver/jacobian.js';
export { matrixFlow, alignedMatrixInit } from './flows/matrixFlow.js';
export type { Matrix, MatrixFlow, MatrixFlowInput, MatrixFlowState } from './flows/matrixFlow.js';
export { coupledFlow, coupledTrajectories } from './flows/coupledFlow.js';
export type { CoupledFlow, CoupledTrajectoryOptions } from './flows/coupledFlow.js';
export { generalizedModes } from './flows/generalizedModes.js';
export type { GeneralizedMode } from './flows/generalizedModes.js';
