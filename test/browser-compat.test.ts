/**
 * The library packages must run unchanged in a browser (DESIGN.md): their sources
 * may import only relative files, other workspace packages and their own declared
 * dependencies, never a Node built-in. (Their tsconfigs carry no Node types, so a
 * use of `process`, `Buffer` or `require` already fails the type check; this test
 * catches what types cannot: an import of a Node module, or of an undeclared package
 * that happens to resolve from the hoisted node_modules.)
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, root, typeScriptFiles } from './support/sourceFiles.js';

const LIBRARIES = ['core', 'ode', 'symbolic', 'sim', 'experiments'] as const;

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe.each(LIBRARIES)('@jepa-dynamics/%s runs in a browser', (pkg) => {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    imports?: Record<string, string>;
    publishConfig?: { imports?: Record<string, string> };
  };
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  // A private import (`#algebrite`) is declared by package.json `imports`; the packed package
  // (publishConfig.imports) must resolve it to one of its own files.
  for (const [spec, target] of Object.entries(manifest.imports ?? {})) {
    const published = manifest.publishConfig?.imports?.[spec] ?? target;
    if (published.startsWith('./')) declared.add(spec);
  }
  const files = typeScriptFiles(join(dir, 'src'));
  const imports = files.flatMap((file) => moduleSpecifiers(file).map((spec) => ({ file: file.slice(root.length), spec })));

  it('has sources with imports to check', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(imports.some((i) => i.spec.startsWith('.'))).toBe(true);
  });

  it('imports no Node built-in module', () => {
    expect(imports.filter((i) => builtins.has(i.spec) || i.spec.startsWith('node:'))).toEqual([]);
  });

  it('imports only relative files and its declared dependencies', () => {
    const undeclared = imports.filter((i) => {
      if (i.spec.startsWith('.')) return false;
      const name = i.spec.startsWith('@')
        ? i.spec.split('/').slice(0, 2).join('/')
        : i.spec.startsWith('#')
          ? i.spec
          : i.spec.split('/')[0];
      return !declared.has(name);
    });
    expect(undeclared).toEqual([]);
  });
});
