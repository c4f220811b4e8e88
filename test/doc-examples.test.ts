/**
 * Runs every TSDoc `@example` block in packages/*\/src and checks the outputs it shows.
 *
 * THE CONVENTION (write examples so that this test can check them)
 *
 * 1. The example is the code after `@example`: a fenced ```ts block, or, unfenced, every
 *    line up to the next tag or the end of the comment. It runs as written, with
 *    these names in scope: every export of its package (`@jepa-dynamics/<pkg>`), every
 *    export of the file it is in, and whatever it imports itself
 *    (`import { solveIvp } from '@jepa-dynamics/ode'`). Top-level `await` is allowed.
 * 2. A shown output is a comment `// => VALUE`, either at the end of a statement's
 *    last line or alone on the line after it:
 *      - after an expression statement: the value of that expression
 *        (for `console.log(x);` the value of `x`);
 *      - after `const x = …;` (one declared name): the value of `x`;
 *    or `// name => VALUE` alone on a line: the current value of the variable `name`.
 * 3. VALUE is a JavaScript literal: numbers (`1e-3`, `-2.5`, `NaN`, `Infinity`), strings,
 *    `true`/`false`/`null`/`undefined`, arrays and plain objects of these.
 *    - Numbers are compared exactly (as JavaScript prints them), unless VALUE starts
 *      with `≈`: then every number in it is compared to the digits shown, i.e. the
 *      actual value rounded to that many significant digits must equal it
 *      (`// => ≈ 0.6931` accepts 0.69314718…).
 *    - A typed array is shown as its constructor then its elements:
 *      `// => Float64Array [19, 22]`; a plain array `[19, 22]` requires a plain Array.
 *    - Objects must have exactly the keys shown (own enumerable keys).
 *    - A note after the value, in parentheses, is ignored:
 *      `// => [1, 2]  (L is unit lower triangular)`. It does not make the comparison
 *      approximate: write `≈` for that. One shown output per line.
 * 4. `// => throws NameOfError` says the statement throws an error with that `name`
 *    (e.g. `InvalidArgumentError`); `// => throws NameOfError: text` also requires
 *    the message to contain `text`.
 *    `// ≈ VALUE` is read as `// => ≈ VALUE`.
 * 5. Anything else in comments is prose and is not checked. An example with no
 *    `// =>` line is still run: it must not throw.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'ode', 'symbolic', 'sim', 'experiments', 'cli'] as const;

interface Example {
  /** `packages/ode/src/x.ts:12` */
  where: string;
  file: string;
  pkg: (typeof PACKAGES)[number];
  /** The code, with the ` * ` prefixes removed. */
  code: string;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Finds the ```ts blocks of every `@example` tag in a source file. */
export function extractExamples(file: string, text: string, pkg: Example['pkg']): Example[] {
  const examples: Example[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let m = comment.exec(text); m !== null; m = comment.exec(text)) {
    const startLine = text.slice(0, m.index).split('\n').length;
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, '').replace(/\s*\*\/$/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i].trim())) continue;
      let j = i + 1;
      while (j < lines.length && !/^```/.test(lines[j].trim()) && !/^@\w/.test(lines[j].trim())) j++;
      const body: string[] = [];
      let k: number;
      if (j < lines.length && /^```/.test(lines[j].trim())) {
        k = j + 1;
        while (k < lines.length && !/^```/.test(lines[k].trim())) body.push(lines[k++]);
      } else {
        // TSDoc also allows an unfenced example: the code runs to the next tag or the end of the comment
        k = i + 1;
        while (k < lines.length && !/^@\w/.test(lines[k].trim())) body.push(lines[k++]);
        k -= 1;
      }
      if (body.every((l) => l.trim() === '')) continue;
      examples.push({ where: `${relative(root, file)}:${startLine + i}`, file, pkg, code: body.join('\n') });
      i = k;
    }
  }
  return examples;
}

type Expectation =
  { kind: 'value'; text: string; line: number; name?: string } | { kind: 'throws'; errorName: string; message?: string; line: number };

const TYPED = [
  'Float64Array',
  'Float32Array',
  'Int32Array',
  'Uint32Array',
  'Int16Array',
  'Uint16Array',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
];

/** A parsed expected value: numbers keep their literal text for `≈` comparison. */
type Expected =
  | { t: 'number'; value: number; text: string }
  | { t: 'string'; value: string }
  | { t: 'literal'; value: boolean | null | undefined }
  | { t: 'array'; items: Expected[]; typed?: string }
  | { t: 'object'; entries: [string, Expected][] };

function parseExpected(raw: string): { expected: Expected; approx: boolean } {
  try {
    return parseExpectedValue(raw.trim());
  } catch (error) {
    // a trailing note in parentheses, which may nest: `4.0558 (= ½ ln(9999/3))`
    const value = withoutTrailingNote(raw.trim());
    if (value === null) throw error;
    return parseExpectedValue(value);
  }
}

/** The text before a trailing, whitespace-separated, balanced `( … )` group; null if there is none. */
function withoutTrailingNote(s: string): string | null {
  if (!s.endsWith(')')) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) return i > 0 && /\s/.test(s[i - 1]) ? s.slice(0, i).trimEnd() : null;
  }
  return null;
}

function parseExpectedValue(raw: string): { expected: Expected; approx: boolean } {
  let s = raw.trim();
  let approx = false;
  if (s.startsWith('≈')) {
    approx = true;
    s = s.slice(1).trim();
  }
  let typed: string | undefined;
  const tm = /^([A-Za-z0-9]+Array)(?:\(\d+\))?\s*(\[.*)$/.exec(s);
  if (tm !== null && TYPED.includes(tm[1])) {
    typed = tm[1];
    s = tm[2];
  }
  const sf = ts.createSourceFile('expected.ts', `(${s});`, ts.ScriptTarget.ES2022, true);
  const stmt = sf.statements[0];
  if (sf.statements.length !== 1 || !ts.isExpressionStatement(stmt)) throw new Error(`cannot parse expected value ${JSON.stringify(raw)}`);
  const toExpected = (node: ts.Expression): Expected => {
    if (ts.isParenthesizedExpression(node)) return toExpected(node.expression);
    if (ts.isNumericLiteral(node)) return { t: 'number', value: Number(node.text), text: node.getText(sf) };
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
      const inner = toExpected(node.operand);
      if (inner.t !== 'number') throw new Error(`unsupported expected value ${node.getText(sf)}`);
      return { t: 'number', value: -inner.value, text: `-${inner.text}` };
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { t: 'string', value: node.text };
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { t: 'literal', value: true };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { t: 'literal', value: false };
    if (node.kind === ts.SyntaxKind.NullKeyword) return { t: 'literal', value: null };
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return { t: 'literal', value: undefined };
      if (node.text === 'NaN') return { t: 'number', value: Number.NaN, text: 'NaN' };
      if (node.text === 'Infinity') return { t: 'number', value: Number.POSITIVE_INFINITY, text: 'Infinity' };
    }
    if (ts.isArrayLiteralExpression(node)) return { t: 'array', items: node.elements.map((e) => toExpected(e)) };
    if (ts.isObjectLiteralExpression(node)) {
      return {
        t: 'object',
        entries: node.properties.map((p): [string, Expected] => {
          if (!ts.isPropertyAssignment(p)) throw new Error(`unsupported property in expected value: ${p.getText(sf)}`);
          const key =
            ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : p.name.getText(sf);
          return [key, toExpected(p.initializer)];
        }),
      };
    }
    throw new Error(`unsupported expected value ${node.getText(sf)} (see the convention at the top of test/doc-examples.test.ts)`);
  };
  const expected = toExpected(stmt.expression);
  if (typed !== undefined) {
    if (expected.t !== 'array') throw new Error(`${typed} must be followed by [elements]`);
    expected.typed = typed;
  }
  return { expected, approx };
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').split(/[eE]/)[0].replace('.', '').replace(/^0+/, '');
  return Math.max(1, mantissa.length);
}

/** Returns null when `actual` matches, else a description of the first difference. */
function compare(actual: unknown, expected: Expected, approx: boolean, path = 'value'): string | null {
  switch (expected.t) {
    case 'number': {
      if (typeof actual !== 'number') return `${path}: expected a number, got ${typeof actual}`;
      if (Number.isNaN(expected.value)) return Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
      if (approx && Number.isFinite(expected.value) && expected.value !== 0) {
        const digits = significantDigits(expected.text);
        return Number(actual.toPrecision(digits)) === expected.value
          ? null
          : `${path}: expected ≈ ${expected.text} (${digits} significant digits), got ${actual}`;
      }
      return actual === expected.value ? null : `${path}: expected ${expected.text}, got ${actual}`;
    }
    case 'string':
      return actual === expected.value ? null : `${path}: expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(actual)}`;
    case 'literal':
      return actual === expected.value ? null : `${path}: expected ${String(expected.value)}, got ${String(actual)}`;
    case 'array': {
      let items: unknown[];
      if (expected.typed !== undefined) {
        const ctor = (actual as { constructor?: { name?: string } } | null)?.constructor?.name;
        if (!ArrayBuffer.isView(actual) || ctor !== expected.typed)
          return `${path}: expected a ${expected.typed}, got ${ctor ?? typeof actual}`;
        items = Array.from(actual as unknown as ArrayLike<unknown>);
      } else {
        if (!Array.isArray(actual))
          return `${path}: expected an Array, got ${ArrayBuffer.isView(actual) ? actual.constructor.name : typeof actual}`;
        items = actual;
      }
      if (items.length !== expected.items.length) return `${path}: expected ${expected.items.length} elements, got ${items.length}`;
      for (let i = 0; i < items.length; i++) {
        const d = compare(items[i], expected.items[i], approx, `${path}[${i}]`);
        if (d !== null) return d;
      }
      return null;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `${path}: expected an object, got ${String(actual)}`;
      const keys = Object.keys(actual);
      const want = expected.entries.map(([k]) => k);
      const extra = keys.filter((k) => !want.includes(k));
      const missing = want.filter((k) => !keys.includes(k));
      if (extra.length > 0 || missing.length > 0)
        return `${path}: keys differ (missing ${missing.join(', ') || 'none'}; not shown ${extra.join(', ') || 'none'})`;
      for (const [k, e] of expected.entries) {
        const d = compare((actual as Record<string, unknown>)[k], e, approx, `${path}.${k}`);
        if (d !== null) return d;
      }
      return null;
    }
  }
}

interface Prepared {
  /** JavaScript body of an async function taking the scope names, then __check and __throws. */
  js: string;
  imports: { names: string[]; from: string }[];
  checks: Expectation[];
}

/** Rewrites an example so that each shown output becomes a call to __check / __throws. */
export function prepareExample(code: string): Prepared {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  const lines = code.split('\n');
  // expectations by line
  const byLine = new Map<number, Expectation>();
  lines.forEach((l, i) => {
    // `// ≈ value` is read as `// => ≈ value`: a shown output is checked however it is written
    const m = /\/\/\s*([A-Za-z_$][\w$]*)?\s*(=>|≈)\s*(.*)$/.exec(l);
    if (m === null) return;
    const rest = m[2] === '≈' ? `≈ ${m[3].trim()}` : m[3].trim();
    const thr = /^throws\s+([A-Za-z_$][\w$]*)(?::\s*(.*))?$/.exec(rest);
    if (thr !== null) byLine.set(i, { kind: 'throws', errorName: thr[1], message: thr[2]?.trim(), line: i + 1 });
    else byLine.set(i, { kind: 'value', text: rest, line: i + 1, name: m[1] });
  });
  const imports: Prepared['imports'] = [];
  const out: string[] = [];
  const checks: Expectation[] = [];
  const used = new Set<number>();
  const statements = sf.statements;
  const emitCheck = (e: Expectation, body: string): void => {
    const id = checks.length;
    checks.push(e);
    out.push(e.kind === 'throws' ? `await __throws(${id}, async () => { ${body} });` : `await __check(${id}, async () => (${body}));`);
  };
  statements.forEach((stmt, si) => {
    if (ts.isImportDeclaration(stmt)) {
      const from = (stmt.moduleSpecifier as ts.StringLiteral).text;
      const names: string[] = [];
      const nb = stmt.importClause?.namedBindings;
      if (nb !== undefined && ts.isNamedImports(nb)) for (const el of nb.elements) names.push(el.name.text);
      imports.push({ names, from });
      return;
    }
    const endLine = lineOf(stmt.end);
    const nextStart = si + 1 < statements.length ? lineOf(statements[si + 1].getStart(sf)) : lines.length;
    // the shown output of this statement: on its last line, or alone on the next line(s) before the next statement
    let own: Expectation | undefined;
    const named: Expectation[] = [];
    for (let l = endLine; l < Math.max(nextStart, endLine + 1); l++) {
      const e = byLine.get(l);
      if (e === undefined || used.has(l)) continue;
      if (e.kind === 'value' && e.name !== undefined) {
        named.push(e);
        used.add(l);
      } else if (own === undefined) {
        own = e;
        used.add(l);
      }
    }
    const text = stmt.getText(sf);
    if (own === undefined) out.push(text);
    else if (own.kind === 'throws') emitCheck(own, text);
    else if (ts.isExpressionStatement(stmt)) {
      let expr = stmt.expression;
      if (ts.isCallExpression(expr) && expr.expression.getText(sf) === 'console.log' && expr.arguments.length === 1)
        expr = expr.arguments[0];
      emitCheck(own, expr.getText(sf));
    } else if (
      ts.isVariableStatement(stmt) &&
      stmt.declarationList.declarations.length === 1 &&
      ts.isIdentifier(stmt.declarationList.declarations[0].name)
    ) {
      out.push(text);
      emitCheck(own, stmt.declarationList.declarations[0].name.text);
    } else {
      throw new Error(`line ${own.line}: "// =>" must follow an expression statement or a one-name const/let (see the convention)`);
    }
    for (const e of named) if (e.kind === 'value' && e.name !== undefined) emitCheck(e, e.name);
  });
  for (const [l, e] of byLine) if (!used.has(l)) throw new Error(`line ${e.line}: "// =>" is not attached to any statement`);
  const js = ts.transpileModule(out.join('\n'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
  }).outputText;
  return { js: js.replace(/^export \{\};?\s*$/m, ''), imports, checks };
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<void>;

const PACKAGE_INDEX: Record<string, string> = Object.fromEntries(
  PACKAGES.map((p) => [`@jepa-dynamics/${p}`, join(root, 'packages', p, 'src', 'index.ts')]),
);

async function runExample(ex: Example): Promise<number> {
  const prepared = prepareExample(ex.code);
  const scope: Record<string, unknown> = {};
  const add = (mod: Record<string, unknown>, names?: string[]): void => {
    for (const [k, v] of Object.entries(mod)) if (names === undefined || names.includes(k)) scope[k] = v;
  };
  add((await import(PACKAGE_INDEX[`@jepa-dynamics/${ex.pkg}`])) as Record<string, unknown>);
  add((await import(ex.file)) as Record<string, unknown>);
  for (const imp of prepared.imports) {
    const target = PACKAGE_INDEX[imp.from];
    if (target === undefined) throw new Error(`${ex.where}: examples may import only @jepa-dynamics packages, not ${imp.from}`);
    const mod = (await import(target)) as Record<string, unknown>;
    for (const n of imp.names) if (!(n in mod)) throw new Error(`${ex.where}: ${imp.from} has no export ${n}`);
    add(mod, imp.names);
  }
  const failures: string[] = [];
  let checked = 0;
  const check = async (id: number, thunk: () => Promise<unknown>): Promise<void> => {
    const e = prepared.checks[id];
    if (e.kind !== 'value') throw new Error('internal: value check expected');
    const actual = await thunk();
    const { expected, approx } = parseExpected(e.text);
    const diff = compare(actual, expected, approx);
    checked++;
    if (diff !== null) failures.push(`line ${e.line} of the example: ${diff}`);
  };
  const throws = async (id: number, thunk: () => Promise<void>): Promise<void> => {
    const e = prepared.checks[id];
    if (e.kind !== 'throws') throw new Error('internal: throws check expected');
    checked++;
    try {
      await thunk();
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      const message = String((error as { message?: unknown }).message);
      if (name !== e.errorName) failures.push(`line ${e.line} of the example: expected ${e.errorName}, threw ${String(name)}: ${message}`);
      else if (e.message !== undefined && !message.includes(e.message))
        failures.push(`line ${e.line} of the example: message ${JSON.stringify(message)} lacks ${JSON.stringify(e.message)}`);
      return;
    }
    failures.push(`line ${e.line} of the example: expected ${e.errorName} to be thrown, nothing was`);
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== '__check' && n !== '__throws');
  const fn = new AsyncFunction(...names, '__check', '__throws', prepared.js);
  await fn(...names.map((n) => scope[n]), check, throws);
  if (failures.length > 0) throw new Error(`${ex.where}:\n  ${failures.join('\n  ')}\n--- example ---\n${ex.code}`);
  return checked;
}

const examples = PACKAGES.flatMap((pkg) => {
  const dir = join(root, 'packages', pkg, 'src');
  return listTs(dir).flatMap((file) => extractExamples(file, readFileSync(file, 'utf8'), pkg));
});

describe('the checker itself', () => {
  it('parses shown values and compares them by the convention', () => {
    const ok = (actual: unknown, shown: string): boolean => {
      const { expected, approx } = parseExpected(shown);
      return compare(actual, expected, approx) === null;
    };
    expect(ok(0.6931471805599453, '0.6931471805599453')).toBe(true);
    expect(ok(0.6931471805599453, '0.6931')).toBe(false);
    expect(ok(0.6931471805599453, '≈ 0.6931')).toBe(true);
    expect(ok(0.6931471805599453, '≈ 0.6932')).toBe(false);
    expect(ok(1234.5, '≈ 1.23e3')).toBe(true);
    expect(ok(Float64Array.of(19, 22), 'Float64Array [19, 22]')).toBe(true);
    expect(ok(Float64Array.of(19, 22), '[19, 22]')).toBe(false);
    expect(ok([1, 2], '[1, 2]  (a note)')).toBe(true);
    expect(ok([1, 2], '[1, 3]  (a note)')).toBe(false);
    expect(ok(4.055814039153869, '4.055814039153869 (= ½ ln(9999/3))')).toBe(true);
    expect(ok(4.055814039153869, '4.05581403915387 (= ½ ln(9999/3))')).toBe(false);
    expect(ok({ a: 1, b: 'x' }, "{ a: 1, b: 'x' }")).toBe(true);
    expect(ok({ a: 1, b: 'x', c: 2 }, "{ a: 1, b: 'x' }")).toBe(false);
    expect(ok(Number.NaN, 'NaN')).toBe(true);
    expect(ok(-1e-3, '-1e-3')).toBe(true);
  });

  it('attaches each shown output to its statement and fails on wrong ones', async () => {
    const good = "const x = 2 + 1; // => 3\nx * 2;\n// => 6\nconst y = [x];\n// y => [3]\nJSON.parse('{'); // => throws SyntaxError";
    await expect(runExample({ where: 'inline', file: join(root, 'packages/ode/src/index.ts'), pkg: 'ode', code: good })).resolves.toBe(4);
    const bad = 'const x = 2 + 1;\nx * 2; // => 7';
    await expect(runExample({ where: 'inline', file: join(root, 'packages/ode/src/index.ts'), pkg: 'ode', code: bad })).rejects.toThrow(
      /expected 7, got 6/,
    );
  });
});

describe('TSDoc @example blocks show true outputs', () => {
  it('finds the examples: one per `@example` tag in the sources (counted independently of the extractor)', () => {
    const tags = PACKAGES.flatMap((pkg) => listTs(join(root, 'packages', pkg, 'src'))).reduce(
      (n, file) => n + (readFileSync(file, 'utf8').match(/^\s*\*\s*@example\b/gm)?.length ?? 0),
      0,
    );
    expect(tags).toBeGreaterThan(0);
    expect(examples.length).toBe(tags);
  });
  for (const ex of examples) {
    it(ex.where, async () => {
      await runExample(ex);
    });
  }
});
