import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createScorer, interactionJsonSchema, riskResultJsonSchema } from '../src/index.js';
import { fit } from '../src/calibrate.js';
import { validInteraction } from './support/arbitraries.js';

const ajv = new Ajv2020({ allErrors: false, strict: false, unicodeRegExp: true });
const checkInteraction = ajv.compile(interactionJsonSchema());
const checkResult = ajv.compile(riskResultJsonSchema());
const scorer = createScorer();

const timestamps = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.constantFrom(8.64e15 + 1, 1.5e16),
  fc.constantFrom('2026-11-23', '2026-11-23T09:30:00Z', '2026-11-23T17:30:00+08:00', '2026-11-23 09:30Z', '2024-02-29', '0000-02-29', '2026-01-01T24:00Z', '2026-01-01T10:00+0800'),
  fc.constantFrom('2026-11-23T09:30:00', '2026-02-30', '2023-02-29', '1900-02-29', '2026-13-01', '2026-01-01T25:00Z', '2026-01-01T23:59:60Z', '2026-01-01T10:00+24:00', 'Tue Mar 5', '', '2026-1-1'),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '')),
);
const channels = fc.oneof(
  fc.constantFrom('phone', 'chat', 'email', 'branch', 'app', 'social', 'sms', 'other', '电话', '在线', '网点', '微信', 'WeChat', ' Phone ', 'PHONE', 'SMS'),
  fc.constantFrom('fax', 'telegraph', '', ' ', 'phonee', 'x'.repeat(65), 'ph one'),
  fc.string({ maxLength: 8 }),
);

/** Near-valid interactions broken in one place at a time, as real exports are. */
const mutated = fc
  .tuple(validInteraction, channels, timestamps, timestamps, fc.integer({ min: 0, max: 9 }), fc.anything({ maxDepth: 1 }))
  .map(([base, channel, now, at, how, junk]) => {
    const x: Record<string, unknown> = { ...base };
    switch (how) {
      case 0:
        x.channel = channel;
        break;
      case 1:
        x.now = now;
        x.history = [{ at }];
        break;
      case 2:
        x.history = [{ at, channel }];
        break;
      case 3:
        x.text = [{ speaker: 'customer', text: 'hi', at }];
        break;
      case 4:
        x.now = now;
        break;
      case 5:
        x.attributes = { ['__proto__x'.slice(0, 9)]: 1, constructor: 'x' };
        break;
      case 6:
        x.attributes = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`a${i}`, i]));
        break;
      case 7:
        x.waitSeconds = junk;
        break;
      case 8:
        x.unknownField = junk;
        break;
      default:
        x.text = junk;
    }
    return x;
  });

describe('the exported JSON Schemas (issue 15, item 20)', () => {
  it('the interaction schema and safeScore agree on thousands of valid and invalid inputs', () => {
    const disagreements: string[] = [];
    fc.assert(
      fc.property(fc.oneof(validInteraction, mutated), (input) => {
        const json = JSON.parse(JSON.stringify(input)) as unknown;
        const schema = checkInteraction(json);
        const scored = scorer.safeScore(json).ok;
        if (schema !== scored) disagreements.push(`${JSON.stringify(json).slice(0, 300)}: schema ${schema}, safeScore ${scored}`);
      }),
      { numRuns: 4_000, seed: 15 },
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('the cases the issue names: an unknown channel, a zone-less timestamp, history without now', () => {
    for (const input of [{ channel: 'fax' }, { channel: 'phone', now: '2026-11-23T09:30:00' }, { channel: 'phone', history: [{ at: 1 }] }]) {
      expect(checkInteraction(input), JSON.stringify(input)).toBe(false);
      expect(scorer.safeScore(input).ok).toBe(false);
    }
  });

  it('every RiskResult matches the RiskResult schema', () => {
    const { model } = fit(Array.from({ length: 200 }, (_, i) => ({ channel: 'chat', waitSeconds: i * 5, text: i % 3 ? 'still waiting for a refund' : 'thanks', label: i % 4 === 0 })));
    const fitted = createScorer(model);
    fc.assert(
      fc.property(validInteraction, (input) => {
        for (const s of [scorer, fitted]) {
          const result = JSON.parse(JSON.stringify(s.score(input))) as unknown;
          expect(checkResult(result), JSON.stringify(checkResult.errors)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20 },
    );
    expect(checkResult({ probability: 2, band: 'low', factors: [], reference: { probability: 0.1 }, modelId: 'x' })).toBe(false);
  });
});
