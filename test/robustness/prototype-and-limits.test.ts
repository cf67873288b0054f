import { describe, expect, it } from 'vitest';
import { checkRecords, InvalidRecordsError, fit } from '../../src/calibrate.js';
import { createScorer, createSession, createTextAnalyzer, defaultModel, parseModel, restoreSession, validateInteraction } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';

const proto = Object.prototype as Record<string, unknown>;

/** Runs `body` with keys set on Object.prototype, as other code in the process might, and always removes them. */
function polluted<T>(keys: Record<string, unknown>, body: () => T): T {
  for (const [k, v] of Object.entries(keys)) Object.defineProperty(proto, k, { value: v, configurable: true, writable: true, enumerable: true });
  try {
    return body();
  } finally {
    for (const k of Object.keys(keys)) delete proto[k];
  }
}

describe('only own properties are read (issue 15, item 10)', () => {
  const interaction = { channel: 'phone', text: [{ speaker: 'customer' as const, text: '我要投诉' }], attributes: { segment: 'x' } };

  it('interactions: Object.prototype.waitSeconds (or unresolved, at, tier) changes no score', () => {
    const scorer = createScorer();
    const clean = scorer.score(interaction);
    const cleanPlain = scorer.score({ channel: 'phone' });
    const dirty = polluted({ waitSeconds: 600, unresolved: true, transfers: 3, at: 5, speaker: 'agent', history: [{ at: 1 }] }, () => [scorer.score(interaction), scorer.score({ channel: 'phone' }), scorer.safeScore({ channel: 'phone', text: [{ text: 'hi', speaker: 'customer' }] })]);
    expect(dirty[0]).toEqual(clean);
    expect(dirty[1]).toEqual(cleanPlain);
    expect((dirty[2] as { ok: boolean }).ok).toBe(true);
    // The zod path too (a date-string timestamp is not on the fast path).
    const slow = { channel: 'phone', now: '2026-11-23T10:00:00Z', history: [{ at: '2026-11-20T10:00:00Z' }] };
    const cleanSlow = scorer.score(slow);
    expect(polluted({ waitSeconds: 600, complained: true }, () => scorer.score(slow))).toEqual(cleanSlow);
    expect(polluted({ waitSeconds: 600 }, () => validateInteraction({ channel: 'phone' }))).toEqual(validateInteraction({ channel: 'phone' }));
  });

  it('model files, records, sessions, lexicons and session state', () => {
    const json = JSON.stringify(defaultModel);
    const clean = createScorer(parseModel(json)).score({ channel: 'phone', waitSeconds: 100 });
    expect(polluted({ cap: 0.001, halfLifeDays: 0.01 }, () => createScorer(parseModel(json)).score({ channel: 'phone', waitSeconds: 100 }))).toEqual(clean);
    const records = Array.from({ length: 60 }, (_, i) => ({ channel: 'chat', waitSeconds: i * 10, label: i % 4 === 0 }));
    // Clean results first: zod builds some of its tables on first use, and a polluted prototype then would break zod itself.
    const labels = checkRecords(records, true).labels;
    const weights = fit(records).model.weights;
    expect(polluted({ label: 1, weight: 1e9 }, () => checkRecords(records, true).labels)).toEqual(labels);
    expect(polluted({ weight: 1e9 }, () => fit(records).model.weights)).toEqual(weights);
    const session = createSession({ channel: 'chat' });
    const turn = session.addTurn({ speaker: 'customer', text: '太慢了' });
    expect(polluted({ at: 1, waitSeconds: 900 }, () => createSession({ channel: 'chat' }).addTurn({ speaker: 'customer', text: '太慢了' }))).toEqual(turn);
    expect(polluted({ waitSeconds: 900 }, () => restoreSession(session.toJSON()).current())).toEqual(session.current());
    const analyzer = polluted({ weight: 4 }, () => createTextAnalyzer({ lexicon: { entries: [{ text: '征信', kind: 'negative' }] } }));
    expect(analyzer.analyze('征信').sentiment).toEqual(createTextAnalyzer({ lexicon: { entries: [{ text: '征信', kind: 'negative' }] } }).analyze('征信').sentiment);
  });
});

describe('duplicate levels (issue 15, item 9)', () => {
  it('parseModel refuses a category or channel level listed twice, with its path', () => {
    const model = JSON.parse(JSON.stringify(defaultModel));
    model.features.push({ id: 'tier', kind: 'attribute', name: 'tier', type: 'category', levels: ['gold', 'silver', 'gold'] });
    model.weights['tier.gold'] = 1;
    model.weights['tier.silver'] = 0.5;
    model.reference.values['tier.gold'] = 0;
    model.reference.values['tier.silver'] = 0;
    expect(() => parseModel(model)).toThrow(/features\[\d+\]\.levels\[2\]: level "gold" is listed twice/);
    const channels = JSON.parse(JSON.stringify(defaultModel));
    const channel = channels.features.find((f: { kind: string }) => f.kind === 'channel');
    channel.levels.push(channel.levels[0]);
    expect(() => parseModel(channels)).toThrow(/levels\[\d+\]: level "\w+" is listed twice/);
  });
});

describe('bounded cost of refusing (issue 15, item 11)', () => {
  it('an attribute map past the limit is refused at attributes, before zod or a copy sees it', () => {
    const attributes: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) attributes[`k${i}`] = 1;
    const checked = validateInteraction({ channel: 'phone', attributes });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.issues).toEqual([{ path: 'attributes', code: 'too_big', message: 'at most 256 attributes (this has more)' }]);
    const turns = validateInteraction({ channel: 'phone', text: Array.from({ length: 10_001 }, () => ({ speaker: 'customer', text: 'x' })) });
    expect(turns.ok || turns.error.issues).toEqual([expect.objectContaining({ path: 'text', code: 'too_big' })]);
  });

  it('an error for many bad records keeps the first 100 and counts the rest; the CLI says how many', async () => {
    const bad = Array.from({ length: 5_000 }, () => ({ channel: 'fax', label: 1 }));
    let caught: unknown;
    try {
      checkRecords(bad, true);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRecordsError);
    const error = caught as InvalidRecordsError;
    expect(error.rows).toHaveLength(100);
    expect(error.count).toBe(5_000);
    expect(error.message).toMatch(/^5000 invalid rows/);
    const jsonl = bad.map((r) => JSON.stringify(r)).join('\n') + '\n' + Array.from({ length: 300 }, () => '{bad').join('\n') + '\n';
    // Reader problems (bad JSON) and invalid records are reported together, and counted.
    const run = await runCliWith(['fit', '-', '--label', 'label', '--out', '/nonexistent/never.json'], jsonl);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/5,300 invalid rows/);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('line ')).length).toBe(20);
  });
});

describe('a value whose length is an object gets an error naming its field, in every kind of input', () => {
  // The copies the library reads inherit nothing; zod compares the length of any value that has one with its
  // bound, and such a length could not be compared: the error lost its path ("(root): could not be read").
  const oddLength = { length: {} };
  const model = JSON.parse(JSON.stringify(defaultModel)) as Record<string, unknown>;

  it.each(['id', 'description', 'features'])('a model file whose %s is { length: {} }', (key) => {
    expect(() => parseModel({ ...model, [key]: oddLength })).toThrow(new RegExp(`invalid model: ${key}: `));
  });

  it('a custom lexicon whose entries are { length: {} }', () => {
    expect(() => createTextAnalyzer({ lexicon: { entries: oddLength as never } })).toThrow(/invalid lexicon: lexicon\.entries: /);
  });
});
