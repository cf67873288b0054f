import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { createScorer, createSession, defaultModel, parseModel, type RiskResult } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';
import { withLearnedTerms } from '../support/models.js';

// A RiskResult is plain data: every reason and evidence span survives
// JSON, structuredClone, a real worker's postMessage and object spread. A
// lazily built explanation (a getter on a prototype, a class instance) would
// arrive empty in a worker; these tests fail on one.

const withTerms = parseModel({ ...withLearnedTerms('plain-data'), points: { base: 600, odds: 19, pdo: 50 } });
const scorers = [createScorer(), createScorer(withTerms)];

const rich = [
  { channel: 'phone', waitSeconds: 540, repeatContacts: 2, unresolved: true, text: '我明明按时还款了，系统却显示逾期！！打了三次电话都没解决，再不处理我就去投诉，我要退款。' },
  { channel: 'chat', waitSeconds: 2400, transfers: 2, text: "Charged twice and still waiting for my refund. This is RIDICULOUS!!! I'll report you." },
  {
    channel: 'chat',
    text: [
      { speaker: 'customer', text: '快递送错了，太差了', at: 0 },
      { speaker: 'agent', text: '非常抱歉，我们会在24小时内处理', at: 600_000 },
      { speaker: 'customer', text: '还是没人理，我要投诉', at: 900_000 },
    ],
  },
] as const;

/** Whether every own property down the tree is an array, a plain object or a primitive (no getters, no class instances). */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if (d.get !== undefined || d.set !== undefined || !isPlain(d.value)) return false;
  }
  return true;
}

/** Reasons and evidence are present where the factor has them (so an empty copy cannot pass). */
function expectExplained(result: RiskResult): void {
  expect(result.factors.length).toBeGreaterThan(0);
  for (const f of result.factors) expect(f.reason.zh.length * f.reason.en.length).toBeGreaterThan(0);
}

function postThroughWorker(results: readonly RiskResult[]): Promise<unknown> {
  // The worker echoes what it gets: the message crosses the thread boundary twice, by the structured clone algorithm.
  const worker = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.once('message', (m) => parentPort.postMessage(m));", { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
    worker.postMessage(results);
  });
}

describe('results are plain data', () => {
  const results = scorers.flatMap((s) => rich.map((x) => s.score(x)));
  results.push(createSession({ channel: 'chat' }, { model: withTerms }).addTurn({ speaker: 'customer', text: 'refund now, this is the worst!!!' }));

  it('the examples carry reasons and evidence to check', () => {
    for (const r of results) expectExplained(r);
    expect(results.some((r) => r.factors.some((f) => (f.evidence?.length ?? 0) > 1))).toBe(true);
    expect(results.some((r) => r.factors.some((f) => f.id === 'terms' && f.evidence !== undefined))).toBe(true);
  });

  it('holds only plain objects, arrays and primitives as own data properties', () => {
    for (const r of results) expect(isPlain(r)).toBe(true);
    fc.assert(fc.property(validInteraction, (x) => {
      const outcome = scorers[0]!.safeScore(x);
      if (outcome.ok) expect(isPlain(outcome.result)).toBe(true);
    }), { numRuns: 300 });
  });

  it('survives JSON.stringify and JSON.parse', () => {
    for (const r of results) expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('survives structuredClone', () => {
    for (const r of results) expect(structuredClone(r)).toStrictEqual(r);
  });

  it('survives object spread, down to each factor', () => {
    for (const r of results) {
      const spread = { ...r, factors: r.factors.map((f) => ({ ...f, reason: { ...f.reason }, ...(f.evidence === undefined ? {} : { evidence: f.evidence.map((e) => ({ ...e })) }) })) };
      expect(spread).toStrictEqual(r);
      expect({ ...r }.factors[0]!.reason).toEqual(r.factors[0]!.reason);
    }
  });

  it('survives a postMessage round trip through a worker thread', async () => {
    const back = (await postThroughWorker(results)) as RiskResult[];
    expect(back).toStrictEqual(results);
    for (const r of back) expectExplained(r);
  });

  it('a session result already returned does not change when later turns add evidence', () => {
    const session = createSession({ channel: 'chat' });
    const first = session.addTurn({ speaker: 'customer', text: '太差了！！' });
    const before = structuredClone(first);
    session.addTurn({ speaker: 'customer', text: '非常非常不满意！！！快递送错了，还乱扣费，我要投诉' });
    session.addTurn({ speaker: 'customer', text: '再不处理就曝光！！！' });
    expect(first).toStrictEqual(before);
  });
});

describe('results share no object with the scorer or with each other', () => {
  // Reference values of 1 make a count of 0 (a resolved issue, an agent who did not apologise) a factor of its
  // own, so the reasons of "first contact", "not transferred", "no apology" and the like are handed out too.
  const everyFactor = parseModel({
    ...defaultModel,
    id: 'every-factor',
    reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, repeatContacts: 1, transfers: 1, priorComplaints: 1, unresolved: 1, agentApology: 1, agentPromise: 1, transferAnnounced: 1 } },
  });

  /** Overwrites every string and number reachable from `value` (what a caller editing a result might do). */
  function scribble(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') (value as Record<string, unknown>)[key] = 'scribbled';
      else if (typeof v === 'number') (value as Record<string, unknown>)[key] = -1;
      else scribble(v);
    }
  }

  it('a caller editing one result changes no later result', () => {
    fc.assert(
      fc.property(validInteraction, (interaction) => {
        for (const scorer of [createScorer(everyFactor), ...scorers]) {
          const first = scorer.score(interaction);
          const expected = JSON.stringify(first);
          scribble(first);
          expect(JSON.stringify(scorer.score(interaction))).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a caller editing a live session\'s result changes neither the session nor its later results', () => {
    const turns = [
      { speaker: 'customer', text: '快递送错了，太差了，我要投诉', at: 0 },
      { speaker: 'agent', text: '非常抱歉，我们会处理', at: 60_000 },
      { speaker: 'customer', text: 'Still no refund. Worst service!!!', at: 120_000 },
    ] as const;
    const edited = createSession({ channel: 'chat', repeatContacts: 0 }, { model: everyFactor });
    const untouched = createSession({ channel: 'chat', repeatContacts: 0 }, { model: everyFactor });
    for (const turn of turns) {
      const result = edited.addTurn(turn);
      expect(JSON.stringify(result)).toBe(JSON.stringify(untouched.addTurn(turn)));
      scribble(result);
    }
    expect(JSON.stringify(edited.update({ transfers: 1 }))).toBe(JSON.stringify(untouched.update({ transfers: 1 })));
    expect(JSON.stringify(edited.current())).toBe(JSON.stringify(untouched.current()));
    // current() is the caller's too.
    scribble(edited.current());
    expect(JSON.stringify(edited.current())).toBe(JSON.stringify(untouched.current()));
    expect(JSON.stringify(edited.toJSON())).toBe(JSON.stringify(untouched.toJSON()));
  });

  it('counts of zero are explained in objects of their own', () => {
    const scorer = createScorer(everyFactor);
    const input = { channel: 'phone', repeatContacts: 0, transfers: 0, priorComplaints: 0, unresolved: false, text: [{ speaker: 'customer', text: '还没到' }, { speaker: 'agent', text: '请稍等' }] } as const;
    const first = scorer.score(input);
    expect(first.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['repeatContacts', 'transfers', 'priorComplaints', 'unresolved', 'agentApology']));
    const expected = JSON.stringify(first);
    scribble(first);
    expect(JSON.stringify(scorer.score(input))).toBe(expected);
  });
});
