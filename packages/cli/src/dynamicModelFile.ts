/**
 * `--dynamic FILE`: features of the dynamic (temporal) generative model of docs/math.md §4,
 * read from JSON and turned into (σ², λ, ρ) by @jepa-dynamics/sim's `featureMoments`. Every
 * failure is a {@link UsageError} naming the file entry, the key, the rule and the value.
 * @module
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from '@jepa-dynamics/ode';
import { featureMoments, type FeatureMoments } from '@jepa-dynamics/sim';
import { UsageError } from './errors.js';

/** One feature of the dynamic model as given: autoregression a, innovation variance q, noise variance γ². */
export interface DynamicFeatureInput {
  a: number;
  q: number;
  gamma2: number;
}

const KEYS = ['a', 'q', 'gamma2'] as const;
/** The model's list behind each key, as `validateGenerativeModel` names it. */
const LIST_OF_KEY: Record<(typeof KEYS)[number], string> = { a: 'autoregression', q: 'innovationVariance', gamma2: 'noiseVariance' };

/**
 * Reads a dynamic-model file: a nonempty JSON array like `[{"a": 0.9, "q": 0.19, "gamma2": 1}]`
 * (|a| < 1, q > 0, γ² ≥ 0), and returns each feature's parameters and moments
 * (σ² = s + γ², λ = a s, ρ = a s/(s + γ²), s = q/(1 − a²)).
 */
export function readDynamicModelFile(path: string): { inputs: DynamicFeatureInput[]; moments: FeatureMoments[] } {
  const flag = `--dynamic ${JSON.stringify(path)}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${flag} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!Array.isArray(data) || data.length === 0)
    throw new UsageError(`${flag} must hold a nonempty JSON array of features like {"a": 0.9, "q": 0.19, "gamma2": 1}.`);
  const inputs = data.map((entry: unknown, i): DynamicFeatureInput => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new UsageError(`--dynamic entry ${i} must be an object with the numbers "a", "q", "gamma2"; got ${JSON.stringify(entry)}.`);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(KEYS as readonly string[]).includes(key))
        throw new UsageError(`--dynamic entry ${i} has an unknown key ${JSON.stringify(key)}; allowed: "a", "q", "gamma2".`);
    }
    const value = (key: (typeof KEYS)[number]): number => {
      const v = record[key];
      if (typeof v !== 'number')
        throw new UsageError(`--dynamic entry ${i} "${key}" must be a number; got ${JSON.stringify(v) ?? 'nothing'}.`);
      return v;
    };
    return { a: value('a'), q: value('q'), gamma2: value('gamma2') };
  });
  try {
    const moments = featureMoments({
      kind: 'dynamic',
      autoregression: inputs.map((f) => f.a),
      innovationVariance: inputs.map((f) => f.q),
      noiseVariance: inputs.map((f) => f.gamma2),
    });
    return { inputs, moments };
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    // `model.autoregression[2]` → `--dynamic entry 2 "a"`
    const match = /^model\.(\w+)\[(\d+)\]$/.exec(error.argument);
    const key = KEYS.find((k) => LIST_OF_KEY[k] === match?.[1]);
    const where = match === null || key === undefined ? flag : `--dynamic entry ${match[2]} "${key}"`;
    throw new UsageError(`${where} ${error.rule}; got ${JSON.stringify(error.value) ?? String(error.value)}.`);
  }
}
