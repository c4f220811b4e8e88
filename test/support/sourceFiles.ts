/**
 * The repository's TypeScript files and the modules they import, read with the TypeScript
 * parser: shared by the tests that check what may import what (browser-compat,
 * package-boundaries). Not a test file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every `.ts` file below `dir` (none if it does not exist), skipping `node_modules` and `dist`. */
export function typeScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? typeScriptFiles(p) : name.endsWith('.ts') ? [p] : [];
  });
}

/** The parsed source of a file. */
export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Every module specifier a file imports or re-exports, static or dynamic (string literals only). */
export function moduleSpecifiers(file: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

/** The workspace packages: the folders of `packages/`. */
export function workspacePackages(): string[] {
  return readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'package.json')));
}
