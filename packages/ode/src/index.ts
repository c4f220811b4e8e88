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
} from './solver/types.js';
export type {
  GmresOptions,
  JacobianBandwidth,
  JacobianSparsity,
  JacobianVectorProduct,
  PreconditionerSetup,
  PreconditionerSolve,
} from './solver/types.js';
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
export { criticalTime, criticalTimes } from './flows/criticalTime.js';
export type { CriticalTimeMethod, CriticalTimeOptions } from './flows/criticalTime.js';
export { flowTrajectory, flowTrajectories } from './flows/flowTrajectory.js';
export type { TrajectoryOptions, Trajectory } from './flows/flowTrajectory.js';
export { criticalTimeRatio } from './flows/criticalTimeRatio.js';
export { timeFactor } from './flows/timeFactor.js';
export type { CriticalTimeRatio } from './flows/criticalTimeRatio.js';
export { learningOrder, orderFlipDepth } from './flows/learningOrder.js';
export type { LearningOrder, OrderFlipDepth } from './flows/learningOrder.js';
export { luDecompose, luSolve } from '@jepa-dynamics/core';
export { finiteDifferenceJacobian } from './solver/jacobian.js';
export { matrixFlow, alignedMatrixInit } from './flows/matrixFlow.js';
export type { Matrix, MatrixFlow, MatrixFlowInput, MatrixFlowState } from './flows/matrixFlow.js';
export { coupledFlow, coupledTrajectories } from './flows/coupledFlow.js';
export type { CoupledFlow, CoupledTrajectoryOptions } from './flows/coupledFlow.js';
