import { simSuite } from './sim.js';
import { solverSuite } from './solver.js';
import { stiffSuite } from './stiff.js';
import { flowsSuite } from './flows.js';
import { symbolicSuite } from './symbolic.js';
import { ensembleSuite } from './ensemble.js';
import { packagesSuite } from './packages.js';
import { matrixSuite } from './matrix.js';

/** A benchmark suite: measures its subject against a baseline run in the same process. */
export interface BenchSuite {
  name: string;
  description: string;
  run: () => Promise<void> | void;
}

/** Every suite, in the order `pnpm bench` runs them. Add new suites here. */
export const suites: BenchSuite[] = [
  solverSuite,
  simSuite,
  stiffSuite,
  flowsSuite,
  symbolicSuite,
  ensembleSuite,
  packagesSuite,
  matrixSuite,
];
