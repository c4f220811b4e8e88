/**
 * Runs the `@example` blocks of the per-feature flow files in packages/ode/src/flows/: every line `expr; // => value`
 * must produce `value` (deep equality), so the documentation cannot drift from the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ode from '../src/index.js';

const dir = new URL('../src/flows/', import.meta.url);
// the per-feature flows of this test's scope (matrixFlow/coupledFlow have their own tests)
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['matrixFlow.ts', 'coupledFlow.ts'].includes(f));

/** The ```ts blocks of `@example` tags, comment stars removed. */
function exampleBlocks(text: string): string[] {
  const blocks: string[] = [];
  const re = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    blocks.push(m[1].split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'));
  }
  return blocks;
}

/** Turns `stmt; // => expected` (stmt possibly spanning lines) into a checked call. */
function instrument(block: string): { code: string; checks: number } {
  const lines = block.split('\n');
  const out: string[] = [];
  let pending: string[] = [];
  let checks = 0;
  for (const line of lines) {
    const m = /^(.*?);\s*\/\/ => (.*)$/.exec(line);
    if (m !== null) {
      const statement = [...pending, m[1]].join('\n');
      out.push(`__check(${JSON.stringify(statement)}, (${statement}), (${m[2]}));`);
      pending = [];
      checks++;
    } else if (/;\s*(\/\/.*)?$/.test(line) || /^\s*(\/\/.*)?$/.test(line)) {
      out.push(...pending, line);
      pending = [];
    } else {
      pending.push(line);
    }
  }
  out.push(...pending);
  return { code: out.join('\n'), checks };
}

const names = Object.keys(ode);
const values = names.map((n) => (ode as Record<string, unknown>)[n]);

describe('flows TSDoc examples', () => {
  for (const file of files) {
    const blocks = exampleBlocks(readFileSync(new URL(file, dir), 'utf8'));
    blocks.forEach((block, i) => {
      it(`${file} example ${i + 1} shows true outputs`, () => {
        const { code, checks } = instrument(block);
        expect(checks).toBeGreaterThan(0);
        const check = (source: string, actual: unknown, expected: unknown): void => {
          expect(actual, source).toEqual(expected);
        };
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        new Function('__check', ...names, code)(check, ...values);
      });
    });
  }
});
