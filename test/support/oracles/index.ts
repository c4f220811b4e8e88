/**
 * Independent truths for the tests of every package: closed forms of docs/math.md §2–3, the
 * exact scalar recursion of gradient descent, 40-digit reference critical times, a seeded PRNG
 * and textbook dense matrix products. Written from the mathematics, never importing a package's
 * sources (only the `Objective` and `StandardNormalSource` types), so that no expected value
 * comes from the code under test; checked in test/oracles.test.ts. Import it from a test by
 * its relative path.
 */
export { balancedRate, fixedPointU, fixedPointWbar, targetU } from './balancedFlow.js';
export { maeGDifference, timeOfU, uAt } from './timeOfU.js';
export { closedFormCriticalTime, leadingOrderTime, maeDepthOneCriticalTime, maeDepthOneU } from './criticalTime.js';
export { scalarGradientDescent } from './scalarGradientDescent.js';
export { learnedOrder } from './learnedOrder.js';
export { gaussLegendre } from './gaussLegendre.js';
export { criticalTimeFixture, type CriticalTimeCase } from './criticalTimeFixture.js';
export { mulberry32 } from './mulberry32.js';
export {
  diagonalMatrix,
  dotProduct,
  maxAbsDiff,
  normalSource,
  orthogonalityError,
  PRODUCT_SHAPES,
  randomMatrix,
  transposed,
} from './matrices.js';
export { matrixGradientDescent, rotatedStaticModel, solveLinear } from './matrixGradientDescent.js';
