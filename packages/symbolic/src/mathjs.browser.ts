/**
 * The browser build of {@link mathjs} (selected by package.json's `browser` field): a
 * mathjs instance on plain numbers created from the factories of only what the
 * package uses, so that bundlers keep nothing else of mathjs. `parse` brings every
 * node class; evaluation of a compiled tree looks up the operators (`add`, `subtract`,
 * `multiply`, `divide`, `pow`, `unaryMinus`), the functions and the constant `pi` that
 * CAS output contains (algebrite prints `log`, `arctan` → `atan`, and `cos`, `sin` of
 * rational multiples of π). A CAS result with another function would evaluate to an
 * error here: add its dependencies below.
 *
 * @module
 */
import {
  addDependencies,
  atanDependencies,
  cosDependencies,
  create,
  divideDependencies,
  logDependencies,
  multiplyDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  sinDependencies,
  subtractDependencies,
  unaryMinusDependencies,
} from 'mathjs/number';
import type { MathjsSubset } from './mathjs.js';

/** mathjs, as much of it as the package uses. */
export const mathjs: MathjsSubset = create({
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  powDependencies,
  unaryMinusDependencies,
  logDependencies,
  atanDependencies,
  cosDependencies,
  sinDependencies,
  piDependencies,
});
