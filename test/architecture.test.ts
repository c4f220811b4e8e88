/**
 * docs/architecture.md stays true of the tree: every path it names exists (a path with a
 * slash from the repository root; a bare file name somewhere under a package's src/ or test/),
 * every package is in its table, and the README links it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, typeScriptFiles, workspacePackages } from './support/sourceFiles.js';

const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
/** Inline code spans that name a file or folder (placeholders such as `<name>.ts` left out). */
const named = [...doc.matchAll(/`([^`\n]+)`/g)]
  .map((m) => m[1])
  .filter((s) => /^[\w.@/-]+$/.test(s) && (s.includes('/') || /\.(ts|md|json|py)$/.test(s)) && !s.startsWith('@'));

describe('docs/architecture.md', () => {
  it('names paths, and every one exists', () => {
    expect(named.length).toBeGreaterThan(60);
    const packageFiles = new Set(
      workspacePackages().flatMap((p) =>
        [...typeScriptFiles(join(root, 'packages', p, 'src')), ...typeScriptFiles(join(root, 'packages', p, 'test'))].map((f) =>
          basename(f),
        ),
      ),
    );
    const missing = named.filter((s) => (s.includes('/') ? !existsSync(join(root, s)) : !packageFiles.has(s)));
    expect(missing).toEqual([]);
  });

  it('has every package in its table, and the README links it', () => {
    for (const p of workspacePackages()) expect(doc, p).toMatch(new RegExp(`^\\| \`${p}\` \\|`, 'm'));
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/architecture.md)');
  });
});
