/**
 * The package graph of docs/architecture.md, enforced: no file reaches into another package's
 * `src/` (a package's own tests may import its own sources; the cross-package tests in test/
 * and the benchmarks use the packages by name or their build), the workspace dependencies form
 * an acyclic graph with no arrow into `cli`, every workspace package a source imports is
 * declared, and `cli/src` holds no arithmetic beyond formatting.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, parse, root, typeScriptFiles, workspacePackages } from './support/sourceFiles.js';

const packages = workspacePackages();
const SCOPE = '@jepa-dynamics/';

/** The package a path lies in (`packages/<name>/…`), or null. */
function packageOf(path: string): string | null {
  const parts = relative(root, path).split(sep);
  return parts[0] === 'packages' && parts.length > 2 ? parts[1] : null;
}

/** The package whose `src/` a path lies in, or null. */
function sourcesOf(path: string): string | null {
  const parts = relative(root, path).split(sep);
  return parts[0] === 'packages' && parts[2] === 'src' ? parts[1] : null;
}

/** The workspace packages named in one field of a package's package.json. */
function workspaceDependencies(name: string, field: 'dependencies' | 'devDependencies'): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  return Object.keys(manifest[field] ?? {})
    .filter((d) => d.startsWith(SCOPE))
    .map((d) => d.slice(SCOPE.length));
}

/** Workspace dependencies of each package, from its package.json (what its sources may import). */
const dependsOn = new Map(packages.map((name) => [name, workspaceDependencies(name, 'dependencies')] as const));
/** What a package's tests may import besides: its workspace devDependencies (e.g. an independent route to check against). */
const testDependsOn = new Map(packages.map((name) => [name, workspaceDependencies(name, 'devDependencies')] as const));

/** Whether a path lies in a package's `test/` folder. */
function isPackageTest(path: string): boolean {
  const parts = relative(root, path).split(sep);
  return parts[0] === 'packages' && parts[2] === 'test';
}

describe('package boundaries', () => {
  const scanned = [
    ...packages.flatMap((name) => [
      ...typeScriptFiles(join(root, 'packages', name, 'src')),
      ...typeScriptFiles(join(root, 'packages', name, 'test')),
    ]),
    ...typeScriptFiles(join(root, 'test')),
    ...typeScriptFiles(join(root, 'bench')),
  ];
  const imports = scanned.flatMap((file) => moduleSpecifiers(file).map((spec) => ({ file, spec })));

  it('scans every package, the cross-package tests and the benchmarks', () => {
    expect(packages).toEqual(expect.arrayContaining(['core', 'ode', 'symbolic', 'sim', 'experiments', 'cli']));
    expect(scanned.length).toBeGreaterThan(300);
    // the scan sees relative imports into src (a package's own tests), so an empty result below means something
    expect(imports.some(({ file, spec }) => spec.startsWith('.') && sourcesOf(resolve(dirname(file), spec)) === packageOf(file))).toBe(
      true,
    );
  });

  it("no file imports another package's src/ (by a relative path or by a package subpath)", () => {
    const reaches = imports.filter(({ file, spec }) => {
      if (spec.startsWith('.')) {
        const target = sourcesOf(resolve(dirname(file), spec));
        return target !== null && target !== packageOf(file);
      }
      return /(^|\/)packages\/[^/]+\/src(\/|$)/.test(spec) || (spec.startsWith(SCOPE) && /^@jepa-dynamics\/[^/]+\/src(\/|$)/.test(spec));
    });
    expect(reaches.map(({ file, spec }) => `${relative(root, file)} imports ${spec}`)).toEqual([]);
  });

  it('every workspace package a package imports is one it declares (its tests may also use its devDependencies), or itself', () => {
    const undeclared = imports.filter(({ file, spec }) => {
      const from = packageOf(file);
      if (from === null || !spec.startsWith(SCOPE)) return false;
      const to = spec.slice(SCOPE.length).split('/')[0];
      const allowed = [...(dependsOn.get(from) ?? []), ...(isPackageTest(file) ? (testDependsOn.get(from) ?? []) : [])];
      return to !== from && !allowed.includes(to);
    });
    expect(undeclared.map(({ file, spec }) => `${relative(root, file)} imports ${spec}`)).toEqual([]);
  });

  it('the dependencies form an acyclic graph, and no package depends on cli', () => {
    for (const [name, deps] of dependsOn) expect(deps, name).not.toContain('cli');
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      expect(state.get(name), `cycle: ${[...path, name].join(' → ')}`).not.toBe('visiting');
      state.set(name, 'visiting');
      for (const dep of dependsOn.get(name) ?? []) visit(dep, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of packages) visit(name, []);
  });
});

describe('cli/src only parses, calls, renders and prints', () => {
  // Heuristic: the mathematics lives in the libraries, so cli/src needs no multiplication,
  // division, power or remainder and no Math function beyond rounding for display. A line of
  // pure display arithmetic may say so with a `// formatting` comment, a line of run bookkeeping
  // (time units, progress estimates, retry delays, reply indices) with `// bookkeeping: why`.
  const ARITHMETIC = new Set([
    ts.SyntaxKind.AsteriskToken,
    ts.SyntaxKind.SlashToken,
    ts.SyntaxKind.AsteriskAsteriskToken,
    ts.SyntaxKind.PercentToken,
    ts.SyntaxKind.AsteriskEqualsToken,
    ts.SyntaxKind.SlashEqualsToken,
    ts.SyntaxKind.AsteriskAsteriskEqualsToken,
    ts.SyntaxKind.PercentEqualsToken,
  ]);
  const DISPLAY_MATH = new Set(['max', 'min', 'round', 'floor', 'ceil', 'abs']);
  const findings: string[] = [];
  for (const file of typeScriptFiles(join(root, 'packages', 'cli', 'src'))) {
    const source = parse(file);
    const lines = source.text.split('\n');
    const flag = (node: ts.Node, what: string): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      if (!/\/\/ (formatting\b|bookkeeping: \S)/.test(lines[line])) findings.push(`${relative(root, file)}:${line + 1}: ${what}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind)) flag(node, node.getText());
      if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'Math' && !DISPLAY_MATH.has(node.name.text))
        flag(node, node.getText());
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  it('has no arithmetic beyond formatting', () => {
    expect(findings).toEqual([]);
  });
});
