import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as z from 'zod';
import type * as Library from '../../src/index.js';

// The library build bundles its own copy of zod (tsup.config.ts: noExternal), so the
// schemas it exports are made by that copy. An application composes them with the
// zod it installed itself: these checks hold that the two copies work together.
const root = fileURLToPath(new URL('../..', import.meta.url));
const built = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as typeof Library;

describe("the exported schemas work with the application's own zod", () => {
  it('compose into its objects, arrays and unions, and parse there as they do alone', () => {
    const envelope = z.object({ id: z.string(), interaction: built.interactionSchema, turns: z.array(built.turnSchema).optional() });
    const ok = envelope.safeParse({ id: 'a1', interaction: { channel: 'phone', waitSeconds: 30 }, turns: [{ speaker: 'customer', text: '我要投诉' }] });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.interaction.channel).toBe('phone');
    const bad = envelope.safeParse({ id: 'a2', interaction: { channel: 'fax' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.path).toEqual(['interaction', 'channel']);
    expect(z.union([z.literal('none'), built.bandThresholdsSchema]).safeParse('none').success).toBe(true);
  });

  it('are instances of its schema classes, and it converts them to JSON Schema', () => {
    expect(built.interactionSchema instanceof z.ZodType).toBe(true);
    expect(built.modelSchema instanceof z.ZodType).toBe(true);
    const json = z.toJSONSchema(built.modelSchema, { io: 'input', unrepresentable: 'any' }) as { $ref?: string; $defs?: Record<string, { type?: string; properties?: Record<string, unknown> }> };
    // The schema's id (its meta, set by the bundled copy) is seen by the application's converter too.
    expect(json.$ref).toBe('#/$defs/Model');
    const model = json.$defs?.Model;
    expect(model?.type).toBe('object');
    expect(Object.keys(model?.properties ?? {})).toEqual(expect.arrayContaining(['formatVersion', 'features', 'weights']));
  });

  it('parse the built-in model with its feature definitions, from the application side', () => {
    expect(z.object({ model: built.modelSchema }).safeParse({ model: built.defaultModel }).success).toBe(true);
    expect(z.array(built.featureSpecSchema).safeParse(built.defaultModel.features).success).toBe(true);
    expect(built.sessionStateSchema.safeParse({}).success).toBe(false);
  });
});
