export {
  matmulReference,
  matmulTransAReference,
  matmulTransBReference,
  matmulBlocked,
  transpose,
  wasmGemmBytes,
  wasmSimdAvailable,
  wasmUnavailableReason,
  createMatrixWorkspace,
  scaleColumns,
  scaleRows,
  householderQr,
  randomOrthogonal,
  symmetricEigen,
  singularValueDecomposition,
  cholesky,
} from '@jepa-dynamics/core';
export type {
  KernelBackend,
  MatrixWorkspace,
  MatrixWorkspaceOptions,
  QrFactors,
  SymmetricEigen,
  SingularValueDecomposition,
} from '@jepa-dynamics/core';
export { createGaussianSource } from './random/gaussianSource.js';
export type { GaussianSource } from './random/gaussianSource.js';
export type { Objective } from '@jepa-dynamics/core';
export type { Covariances, Network } from './model/types.js';
export { initialNetwork } from './model/initialNetwork.js';
export type { Initialization, InitialNetwork } from './model/initialNetwork.js';
export { validateCovariances } from './model/validateCovariances.js';
export { featureMoments, populationCovariances, sampleViews, validateGenerativeModel } from './generative/generativeModel.js';
export type { GenerativeModel, FeatureMoments } from './generative/generativeModel.js';
export { networkLoss, encoderProduct } from './training/networkLoss.js';
export { train } from './training/train.js';
export type { TrainOptions, TrainResult } from './training/train.js';
export { createTrainingKernel, kernelCapacity } from './training/trainingKernel.js';
export { addWeightDecay } from './training/addWeightDecay.js';
export type { TrainingKernel, TrainingKernelOptions, KernelCovariances } from './training/trainingKernel.js';
export { createBatchSource } from './training/batchSource.js';
export type { BatchSource, BatchSourceOptions, SampleOptions } from './training/batchSource.js';
export { empiricalMoments } from './training/empiricalMoments.js';
export { createStepRule } from './training/stepRule.js';
export type { StepRule, StepRuleOptions, StepRuleState } from './training/stepRule.js';
export { createFeatureReadout } from './training/featureReadout.js';
export type { FeatureReadout } from './training/featureReadout.js';
export { createTrainingRecorder } from './training/trainingRecorder.js';
export type {
  TrainingRecorder,
  TrainingRecorderOptions,
  TrainingRecord,
  RecordedState,
  MeasureOptions,
} from './training/trainingRecorder.js';
export { createCrossingDetector } from './training/crossingDetector.js';
export type { CrossingDetector, CriticalTimeOptions } from './training/crossingDetector.js';
export { networkGradients } from './training/networkGradients.js';
export type { NetworkGradients } from './training/networkGradients.js';
export { trajectoryDeviation } from './compare/trajectoryDeviation.js';
export type { TrajectoryDeviation } from './compare/trajectoryDeviation.js';
export { orderByCriticalTime } from './compare/orderByCriticalTime.js';
export type { CriticalTimeOrder } from './compare/orderByCriticalTime.js';
export { simulateFeatures } from './compare/simulateFeatures.js';
export type { SimulateFeaturesOptions, SimulateFeaturesResult } from './compare/simulateFeatures.js';
export { flowReference } from './compare/flowReference.js';
export type { FlowReferenceOptions } from './compare/flowReference.js';
export { rotatedStaticCovariances } from './generative/rotatedStaticCovariances.js';
export type { RotatedCovariances } from './generative/rotatedStaticCovariances.js';
export { trainModes } from './compare/trainModes.js';
export type { TrainModesOptions, TrainModesResult } from './compare/trainModes.js';
export { matrixFlowTrajectory } from './compare/matrixFlowTrajectory.js';
export type { MatrixFlowTrajectory, MatrixFlowTrajectoryInput } from './compare/matrixFlowTrajectory.js';
