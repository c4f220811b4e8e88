export { derive } from './derive.js';
export type { Derivation } from './derive.js';
export type { FlowDerivation } from './deriveFlow.js';
export type { IntegralDerivation } from './IntegralDerivation.js';
export type { Certificate, SpotCheck } from './Certificate.js';
export type { Expression } from './Expression.js';
export type { Objective } from '@jepa-dynamics/core';
export { jepaTime } from './jepaTime.js';
export { maeTime } from './maeTime.js';
export type { TimeEvaluator } from './TimeEvaluator.js';
export { criticalTimeFormula } from './criticalTimeFormula.js';
export type { CriticalTimeFormulaResult } from './criticalTimeFormula.js';
export { generalForm } from './generalForm.js';
export type { GeneralForm } from './generalForm.js';
export { javascriptSource } from './javascriptSource.js';
export { casFunction } from './casFunction.js';
export type { CasFunction } from './casFunction.js';
export { casToTex, casToText, parseCas } from './notation.js';
export { texOfNode } from './texOfNode.js';
export { pruneTrivial } from './pruneTrivial.js';
export { derivationLatex } from './derivationLatex.js';
export type { DerivationLatexOptions } from './derivationLatex.js';
export { DerivationError } from './DerivationError.js';
export { MAX_DEPTH } from './MAX_DEPTH.js';
export { validateDepth } from '@jepa-dynamics/core';
export { deriveScalarFlow } from './scalarFlow/deriveScalarFlow.js';
export { deriveFlipDepthLaw } from './deriveFlipDepthLaw.js';
export type { FlipDepthLaw } from './deriveFlipDepthLaw.js';
export type {
  ScalarFlowOptions,
  ScalarFlowDerivation,
  ScalarFlowFixedPoint,
  ScalarFlowCriticalTime,
  ScalarFlowLeadingOrder,
  ScalarFlowEvaluator,
} from './scalarFlow/ScalarFlowDerivation.js';
export type { TimeTerm } from './scalarFlow/timeTerm.js';
export { scalarFlowJavascriptSource } from './scalarFlow/scalarFlowJavascriptSource.js';
export { FixedPointNotReachedError } from './FixedPointNotReachedError.js';
