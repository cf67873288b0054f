import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importCycles, importsOf, layerViolations, sourceFiles, type ModuleImport } from './module-layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const imports = sourceFiles(root).flatMap((file) => importsOf(root, file));

describe('the library is built in layers (core → schema → validate → text → conversation → features → model → scorer → session | calibrate → entries → cli)', () => {
  it('no module imports a layer above its own, or a sibling folder', () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it('the import graph has no cycles', () => {
    expect(importCycles(imports)).toEqual([]);
  });

  it('the CLI reaches the library only through the two public entries', () => {
    const reached = imports.filter((i) => i.from.startsWith('src/cli/') && !i.to.startsWith('src/cli/')).map((i) => i.to);
    expect([...new Set(reached)].sort()).toEqual(['src/calibrate.ts', 'src/index.ts']);
  });

  it('every source file is in a known layer', () => {
    expect(sourceFiles(root).filter((f) => layerViolations([{ from: f, to: f, line: 0, typeOnly: false }]).length > 0)).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const edge = (from: string, to: string): ModuleImport => ({ from, to, line: 1, typeOnly: false });

  it('an upward import is reported', () => {
    expect(layerViolations([edge('src/text/scan-text.ts', 'src/conversation/read-text.ts')])).toHaveLength(1);
    expect(layerViolations([edge('src/session/create-session.ts', 'src/calibrate/fit.ts')])).toHaveLength(1);
    expect(layerViolations([edge('src/cli/main.ts', 'src/scorer/create-scorer.ts')])).toHaveLength(0);
  });

  it('a reintroduced cycle is reported', () => {
    const withCycle = [...imports, edge('src/schema/interaction-schema.ts', 'src/validate/validate-interaction.ts')];
    expect(importCycles(withCycle).length).toBeGreaterThan(0);
    expect(layerViolations(withCycle)).toHaveLength(1);
  });
});
