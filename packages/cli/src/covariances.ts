/**
 * `--covariances FILE`: full `Σxx` and `Σyx` for the matrix dynamics, read from JSON
 * `{"sxx": [[…], …], "syx": [[…], …]}`. This module reads and checks the file's shape
 * (one {@link UsageError} sentence naming the value); the library validates the
 * mathematics (Σxx symmetric positive definite), and {@link covarianceError} turns its
 * `InvalidArgumentError` into a sentence about the file.
 * @module
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { UsageError } from './errors.js';

/** The two matrices of a covariances file, as rows. */
export interface CovariancesFile {
  sxx: number[][];
  syx: number[][];
}

/** `--covariances` replaces the feature flags: refuses them beside it (one sentence, exit 2). */
export function refuseFeaturesBeside(flags: { features?: string; lambda?: string; rho?: string; sigma2?: string }): void {
  if (flags.features !== undefined || flags.lambda !== undefined || flags.rho !== undefined || flags.sigma2 !== undefined)
    throw new UsageError('--covariances replaces the features: give one or the other.');
}

/** Reads and shape-checks `--covariances FILE` (square matrices of one order, finite numbers). */
export function readCovariancesFile(path: string): CovariancesFile {
  const flag = `--covariances ${JSON.stringify(path)}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} must be JSON like {"sxx": [[1, 0], [0, 2]], "syx": [[0.5, 0], [0, 1]]}.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new UsageError(`${flag} must hold a JSON object with "sxx" and "syx"; got ${JSON.stringify(data)}.`);
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (key !== 'sxx' && key !== 'syx') throw new UsageError(`${flag} has an unknown key ${JSON.stringify(key)}; allowed: "sxx", "syx".`);
  const sxx = squareMatrix(flag, 'sxx', record.sxx);
  const syx = squareMatrix(flag, 'syx', record.syx);
  if (syx.length !== sxx.length)
    throw new UsageError(`${flag}: "syx" must be ${sxx.length}×${sxx.length} like "sxx"; got ${syx.length}×${syx.length}.`);
  return { sxx, syx };
}

function squareMatrix(flag: string, key: string, value: unknown): number[][] {
  if (!Array.isArray(value) || value.length === 0)
    throw new UsageError(
      `${flag}: "${key}" must be a nonempty square matrix (an array of rows); got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  const d = value.length;
  return value.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== d)
      throw new UsageError(`${flag}: "${key}" row ${i} must hold ${d} numbers (the matrix is ${d}×${d}); got ${JSON.stringify(row)}.`);
    return row.map((x: unknown, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new UsageError(`${flag}: "${key}"[${i}][${j}] must be a finite number; got ${JSON.stringify(x)}.`);
      return x;
    });
  });
}

/**
 * The library's verdict on the covariances (e.g. Σxx not positive definite) as a sentence
 * about the file; other errors pass through unchanged.
 */
export function covarianceError(path: string, error: unknown): unknown {
  if (!(error instanceof InvalidArgumentError) || !/^sigma(XX|YX)/.test(error.argument)) return error;
  const key = error.argument.replace(/^sigmaXX/, 'sxx').replace(/^sigmaYX/, 'syx');
  return new UsageError(`--covariances ${JSON.stringify(path)}: "${key}" ${error.rule}.`);
}
