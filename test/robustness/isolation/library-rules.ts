import ts from 'typescript';
import { isBuiltin } from 'node:module';

export interface Violation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Packages library code may import at all; everything else is relative. */
const ALLOWED_PACKAGES = new Set(['zod']);
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const HOST_GLOBALS = new Set(['process', 'require', 'globalThis', 'global', 'window', 'self', 'document', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Deno', 'Bun', '__dirname', '__filename']);
/** Built-in containers a module may hold as tables: their mutation after load is what the mutator rules catch. */
const BUILTIN_CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'RegExp', 'Error', 'TypeError', 'RangeError']);
/**
 * The one class a module may hold an instance of: a value made on first use
 * and never changed after (src/core/write-once.ts), for tables too costly to
 * build at import. Any other instance at module level could carry state
 * from one call, or one scorer, to the next.
 */
const WRITE_ONCE_CLASS = 'WriteOnce';
const MUTABLE_INITIALISERS = new Set([
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.NewExpression,
]);

/**
 * The rules library code (src/, outside src/cli/) keeps, checked on the
 * syntax tree rather than with regular expressions over text:
 * - no import of Node built-ins, and no package but zod;
 * - no eval, Function constructor, or string-bodied timers;
 * - RegExp only from literals (never from user or lexicon text);
 * - no module-level `let`/`var`, and no mutation of module-level containers
 *   after the module has loaded; no module-level instance of a class but
 *   WriteOnce (a value made on first use, then never changed);
 * - no zod schema built while the module loads: a module-level schema is
 *   `lazySchema(() => …)` (src/core/lazy-schema.ts: a WriteOnce behind a
 *   proxy, the one other write-once cache allowed), so importing the library
 *   builds none;
 * - no reaching for the host (process, require, globalThis, fetch, ...), and
 *   no hidden clock or randomness (Date.now(), new Date(), Math.random()).
 */
export function checkLibrarySource(file: string, source: string): Violation[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Violation[] = [];
  const report = (node: ts.Node, rule: string): void => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({ file, line: line + 1, rule, text: node.getText(sf).slice(0, 120) });
  };

  // The names zod is imported under (import * as z, import { z }): a call rooted in one builds a schema.
  const zodNames = new Set<string>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'zod') continue;
    const clause = statement.importClause;
    if (clause === undefined || clause.isTypeOnly) continue;
    if (clause.name !== undefined) zodNames.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings !== undefined && ts.isNamespaceImport(bindings)) zodNames.add(bindings.name.text);
    if (bindings !== undefined && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) zodNames.add(el.name.text);
  }
  // A zod call that runs while the module loads: anywhere in a module-level initialiser but inside a function.
  const reportSchemasBuiltAtLoad = (node: ts.Node): void => {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) return;
    if (ts.isCallExpression(node)) {
      const root = rootOf(node.expression);
      if (root !== undefined && zodNames.has(root.text)) return report(node, 'zod schema built at import (make it lazySchema(() => …))');
    }
    ts.forEachChild(node, reportSchemasBuiltAtLoad);
  };

  // Module-level bindings initialised to containers: these must never be mutated.
  const moduleContainers = new Set<string>();
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const flags = statement.declarationList.flags;
    if (!(flags & ts.NodeFlags.Const)) report(statement, 'module-level let/var (mutable module state)');
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.initializer === undefined) continue;
      let init: ts.Expression = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (MUTABLE_INITIALISERS.has(init.kind)) moduleContainers.add(decl.name.text);
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && !BUILTIN_CONTAINERS.has(init.expression.text) && init.expression.text !== WRITE_ONCE_CLASS)
        report(decl, `module-level instance of ${init.expression.text} (only a ${WRITE_ONCE_CLASS} cache may outlive a call)`);
    }
  }

  const checkSpecifier = (node: ts.Node, specifier: string): void => {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return;
    if (isBuiltin(specifier)) report(node, `imports Node built-in "${specifier}"`);
    else if (!ALLOWED_PACKAGES.has(specifier.split('/')[0] as string)) report(node, `imports package "${specifier}"`);
  };

  const rootOf = (expr: ts.Expression): ts.Identifier | undefined => {
    let e = expr;
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    return ts.isIdentifier(e) ? e : undefined;
  };
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) for (const decl of statement.declarationList.declarations) if (decl.initializer) reportSchemasBuiltAtLoad(decl.initializer);
    if (ts.isExpressionStatement(statement) || ts.isExportAssignment(statement)) reportSchemasBuiltAtLoad(statement);
  }
  const isModuleContainer = (expr: ts.Expression): boolean => {
    const root = rootOf(expr);
    return root !== undefined && moduleContainers.has(root.text) && !isShadowed(root) && !runsAtLoad(root);
  };
  // Filling a table once while the module loads (a top-level expression statement) is set-up, not state.
  const runsAtLoad = (node: ts.Node): boolean => {
    let n: ts.Node = node;
    while (n.parent !== undefined && n.parent !== sf) n = n.parent;
    return ts.isExpressionStatement(n) || ts.isForOfStatement(n) || ts.isForStatement(n) || ts.isIfStatement(n);
  };
  // A local of the same name (parameter or variable) is not the module binding.
  const isShadowed = (id: ts.Identifier): boolean => {
    for (let n: ts.Node | undefined = id.parent; n !== undefined && n !== sf; n = n.parent) {
      if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return true;
      if (ts.isBlock(n) || ts.isSourceFile(n)) {
        for (const s of n.statements)
          if (ts.isVariableStatement(s) && n !== sf && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === id.text)) return true;
      }
    }
    return false;
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      checkSpecifier(node, node.moduleSpecifier.text);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg !== undefined && ts.isStringLiteral(arg)) checkSpecifier(node, arg.text);
        else report(node, 'dynamic import() of a computed specifier');
      }
      if (ts.isIdentifier(callee)) {
        if (callee.text === 'eval') report(node, 'eval');
        if (callee.text === 'Function') report(node, 'Function constructor');
        if (callee.text === 'RegExp') checkRegExpArgs(node, node.arguments);
        if ((callee.text === 'setTimeout' || callee.text === 'setInterval') && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0]))
          report(node, 'string-bodied timer');
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        if (MUTATORS.has(name) && isModuleContainer(callee.expression)) report(node, `mutates module-level "${rootOf(callee.expression)?.text}"`);
        if (ts.isIdentifier(callee.expression)) {
          const obj = callee.expression.text;
          if (obj === 'Date' && name === 'now') report(node, 'hidden clock: Date.now()');
          if (obj === 'Math' && name === 'random') report(node, 'hidden randomness: Math.random()');
          if (obj === 'Object' && (name === 'assign' || name === 'defineProperty' || name === 'setPrototypeOf') && node.arguments[0] && isModuleContainer(node.arguments[0]))
            report(node, `mutates module-level "${rootOf(node.arguments[0])?.text}"`);
        }
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') report(node, 'Function constructor');
      if (node.expression.text === 'RegExp') checkRegExpArgs(node, node.arguments ?? ts.factory.createNodeArray());
      if (node.expression.text === 'Date' && (node.arguments === undefined || node.arguments.length === 0)) report(node, 'hidden clock: new Date()');
      if (['Worker', 'SharedWorker', 'WebSocket', 'XMLHttpRequest'].includes(node.expression.text)) report(node, `creates ${node.expression.text}`);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = node.left;
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && isModuleContainer(target)) report(node, `mutates module-level "${rootOf(target)?.text}"`);
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      const target = node.operand;
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && isModuleContainer(target)) report(node, `mutates module-level "${rootOf(target)?.text}"`);
    }
    if (ts.isDeleteExpression(node) && isModuleContainer(node.expression)) report(node, `mutates module-level "${rootOf(node.expression)?.text}"`);
    if (ts.isIdentifier(node) && HOST_GLOBALS.has(node.text) && isFreeReference(node)) report(node, `reaches the host through "${node.text}"`);
    ts.forEachChild(node, visit);
  };

  const checkRegExpArgs = (node: ts.Node, args: ts.NodeArray<ts.Expression>): void => {
    const pattern = args[0];
    if (pattern === undefined || ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern) || ts.isRegularExpressionLiteral(pattern)) return;
    report(node, 'RegExp built from a non-literal');
  };

  // An identifier used as a value, not a property name, declaration, or type.
  const isFreeReference = (id: ts.Identifier): boolean => {
    const p = id.parent;
    if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
    if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === id) return false;
    if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
    if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
    if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
    if (ts.isShorthandPropertyAssignment(p)) return true;
    return !isShadowed(id);
  };

  visit(sf);
  return out;
}
