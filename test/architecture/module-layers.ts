import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The library's folders from the bottom up. A module may import its own
 * folder and folders below it, never above: that keeps the import graph
 * free of cycles and lets each layer be read (and tested) without the
 * ones on top. `session` and `calibrate` are siblings: neither imports the
 * other. The entries (src/index.ts, src/calibrate.ts) sit above them, and
 * the CLI above everything, reaching the library only through the entries.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['schema'],
  ['validate'],
  ['text'],
  ['conversation'],
  ['features'],
  ['model'],
  ['scorer'],
  ['session', 'calibrate'],
  ['(entry)'],
  ['cli'],
];

export interface ModuleImport {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

/** Every .ts file under src/, relative to the repository root. */
export function sourceFiles(root: string, dir = join(root, 'src')): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(root, path));
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.test-d.ts')) files.push(relative(root, path));
  }
  return files.sort();
}

/** The relative imports and re-exports of one file, resolved to repository paths (`.js` specifiers name `.ts` files). */
export function importsOf(root: string, file: string): ModuleImport[] {
  const source = readFileSync(join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: ModuleImport[] = [];
  for (const statement of sf.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly;
    const to = relative(root, resolve(root, dirname(file), specifier.text.replace(/\.js$/, '.ts')));
    const { line } = sf.getLineAndCharacterOfPosition(statement.getStart(sf));
    out.push({ from: file, to, line: line + 1, typeOnly });
  }
  return out;
}

/** The folder a module belongs to: `features` for src/features/kinds/wait.ts, `(entry)` for src/index.ts. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 2 ? '(entry)' : (parts[1] as string);
}

export function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folderOf(file)));
}

/** Imports that go up the layers, or across between sibling folders. */
export function layerViolations(imports: readonly ModuleImport[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    const from = layerOf(i.from);
    const to = layerOf(i.to);
    if (from < 0) out.push(`${i.from}: folder "${folderOf(i.from)}" has no layer`);
    else if (to > from || (to === from && folderOf(i.to) !== folderOf(i.from)))
      out.push(`${i.from}:${i.line} imports ${i.to} (${folderOf(i.from)} may not import ${folderOf(i.to)})`);
  }
  return out;
}

/** Cycles in the import graph (Tarjan's strongly connected components of two or more modules, or a module importing itself). */
export function importCycles(imports: readonly ModuleImport[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of imports) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
