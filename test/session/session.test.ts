import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ComplaintRiskInputError,
  createScorer,
  createSession,
  createTextAnalyzer,
  defaultModel,
  restoreSession,
  type BandRise,
  type Interaction,
  type TextAnalyzer,
  type Turn,
} from '../../src/index.js';
import { customerWords } from '../support/arbitraries.js';

const scorer = createScorer();
const turnArb: fc.Arbitrary<Turn> = fc.record(
  {
    speaker: fc.constantFrom('customer' as const, 'agent' as const),
    text: customerWords,
    at: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_900_000 }),
  },
  { requiredKeys: ['speaker', 'text'] },
);
const initArb: fc.Arbitrary<Interaction> = fc.record(
  {
    channel: fc.constantFrom('phone', 'chat', '网点', 'app'),
    waitSeconds: fc.integer({ min: 0, max: 3_600 }),
    repeatContacts: fc.nat(4),
    unresolved: fc.boolean(),
  },
  { requiredKeys: ['channel'] },
);

describe('createSession', () => {
  it('after every turn equals scoring the accumulated interaction in one go', () => {
    fc.assert(
      fc.property(initArb, fc.array(turnArb, { maxLength: 8 }), (init, turns) => {
        const session = createSession(init);
        turns.forEach((turn, i) => {
          expect(session.addTurn(turn)).toEqual(scorer.score({ ...init, text: turns.slice(0, i + 1) }));
        });
        expect(session.current()).toEqual(scorer.score(turns.length > 0 ? { ...init, text: turns } : init));
      }),
      { numRuns: 60 },
    );
  });

  it('reads only the new turn on addTurn, never the transcript again', () => {
    const base = createTextAnalyzer();
    let charsRead = 0;
    const counting: TextAnalyzer = {
      analyze(text) {
        charsRead += typeof text === 'string' ? text.length : 0;
        return base.analyze(text);
      },
    };
    const session = createSession({ channel: 'chat' }, { analyzer: counting });
    const turns = ['第一句话，有点慢。', '第二句话：到现在还没人处理！', 'third message, still waiting'];
    for (const text of turns) {
      charsRead = 0;
      session.addTurn({ speaker: 'customer', text });
      expect(charsRead).toBe(text.length);
    }
  });

  it('merges later signals with update() and keeps the turns', () => {
    const session = createSession({ channel: 'phone', waitSeconds: 30 });
    session.addTurn({ speaker: 'customer', text: '等了很久，还没解决。' });
    const updated = session.update({ transfers: 2, unresolved: true });
    expect(updated).toEqual(
      scorer.score({ channel: 'phone', waitSeconds: 30, transfers: 2, unresolved: true, text: [{ speaker: 'customer', text: '等了很久，还没解决。' }] }),
    );
    expect(session.current()).toEqual(updated);
    expect(session.toJSON().interaction.text).toHaveLength(1);
  });

  it('update() adds its text to the transcript; replaceTranscript() is the explicit replacement (issue 15, item 19)', () => {
    const session = createSession({ channel: 'phone', waitSeconds: 540 });
    const threat = session.addTurn({ speaker: 'customer', text: '我要投诉' });
    expect(threat.band).toBe('critical');
    const added = session.update({ text: '这已经是我第三次打电话' });
    const transcript = [
      { speaker: 'customer' as const, text: '我要投诉' },
      { speaker: 'customer' as const, text: '这已经是我第三次打电话' },
    ];
    expect(added).toEqual(scorer.score({ channel: 'phone', waitSeconds: 540, text: transcript }));
    expect(added.probability).toBeGreaterThanOrEqual(threat.probability);
    expect(added.band).toBe('critical');
    expect(added.factors.find((f) => f.id === 'problems')?.evidence?.map((e) => e.kind)).toContain('repeat');
    const more = session.update({ text: [{ speaker: 'agent', text: '抱歉' }], transfers: 1 });
    expect(more).toEqual(scorer.score({ channel: 'phone', waitSeconds: 540, transfers: 1, text: [...transcript, { speaker: 'agent', text: '抱歉' }] }));
    const replaced = session.replaceTranscript('I want a refund');
    expect(replaced).toEqual(scorer.score({ channel: 'phone', waitSeconds: 540, transfers: 1, text: [{ speaker: 'customer', text: 'I want a refund' }] }));
    expect(session.toJSON().interaction.text).toHaveLength(1);
  });

  it('round-trips through JSON and goes on exactly where it left off', () => {
    const session = createSession({ channel: '电话', waitSeconds: 300, repeatContacts: 1 });
    session.addTurn({ speaker: 'customer', text: '我上周打过电话了，到现在还没人处理。', at: '2026-11-20T10:00:00Z' });
    session.addTurn({ speaker: 'agent', text: '抱歉，我们会在两小时内回电。', at: '2026-11-20T10:03:00Z' });
    const saved = JSON.parse(JSON.stringify(session.toJSON())) as unknown;
    const restored = restoreSession(saved);
    expect(restored.current()).toEqual(session.current());
    const next: Turn = { speaker: 'customer', text: '每次都这么说，我要投诉！', at: '2026-11-20T10:05:00Z' };
    expect(restored.addTurn(next)).toEqual(session.addTurn(next));
    expect(restored.toJSON()).toEqual(session.toJSON());
  });

  it('rejects state that is malformed, from another model, or from a future format', () => {
    const state = createSession({ channel: 'chat' }).toJSON();
    expect(() => restoreSession({ ...state, formatVersion: 99 })).toThrow(/formatVersion/);
    expect(() => restoreSession({ ...state, modelId: 'someone-else@3' })).toThrow(/someone-else@3/);
    expect(() => restoreSession({ ...state, interaction: { channel: 'fax' } })).toThrow(ComplaintRiskInputError);
    expect(() => restoreSession('{}')).toThrow(ComplaintRiskInputError);
    const custom = { ...structuredClone(defaultModel), id: 'bank-2026-11' };
    expect(restoreSession({ ...state, modelId: 'bank-2026-11' }, { model: custom }).current().modelId).toBe('bank-2026-11');
  });

  it('rejects a bad turn with the offending path and keeps its state', () => {
    const session = createSession({ channel: 'chat' });
    const before = session.current();
    expect(() => session.addTurn({ speaker: 'robot', text: 'hi' } as unknown as Turn)).toThrow(/turn\.speaker/);
    expect(() => session.addTurn({ speaker: 'customer', text: 42 } as unknown as Turn)).toThrow(/turn\.text/);
    expect(() => session.update({ waitSeconds: -1 })).toThrow(/waitSeconds/);
    expect(session.current()).toEqual(before);
  });

  it('checks a transcript given to update() before replacing anything', () => {
    const session = createSession({ channel: 'chat' });
    session.addTurn({ speaker: 'customer', text: '还没到账' });
    const before = session.toJSON();
    expect(() => session.update({ text: [{ speaker: 'bot', text: 'x' }] } as unknown as Interaction)).toThrow(/text\[0\]\.speaker/);
    expect(session.toJSON()).toEqual(before);
  });

  it('turns throwing getters and revoked proxies into input errors', () => {
    const hostile = Object.defineProperty({ speaker: 'customer' }, 'text', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const session = createSession({ channel: 'chat' });
    expect(() => session.addTurn(hostile as unknown as Turn)).toThrow(ComplaintRiskInputError);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => session.update(revoked.proxy as Partial<Interaction>)).toThrow(ComplaintRiskInputError);
    expect(() => createSession(revoked.proxy as Partial<Interaction>)).toThrow(ComplaintRiskInputError);
    expect(() => restoreSession(revoked.proxy)).toThrow(ComplaintRiskInputError);
  });

  it('calls onBandRise once when the band crosses the alert band, naming the turn', () => {
    const rises: BandRise[] = [];
    const session = createSession({ channel: 'phone', waitSeconds: 20 }, { onBandRise: (rise) => rises.push(rise) });
    session.addTurn({ speaker: 'customer', text: '你好，我想查一下账单。' });
    session.addTurn({ speaker: 'agent', text: '好的，请稍等。' });
    expect(rises).toEqual([]);
    const escalated = session.addTurn({ speaker: 'customer', text: '乱扣费！我要投诉，马上打12315！' });
    expect(rises).toHaveLength(1);
    expect(rises[0]).toMatchObject({ to: escalated.band, turn: 2, result: escalated });
    expect(['low', 'medium']).toContain(rises[0]!.from);
    session.addTurn({ speaker: 'customer', text: '还有，我要找媒体曝光！' });
    expect(rises).toHaveLength(1);
  });

  it('alerts from update() too, at a chosen band', () => {
    const rises: BandRise[] = [];
    const session = createSession({ channel: 'chat' }, { alertBand: 'medium', onBandRise: (rise) => rises.push(rise) });
    session.update({ waitSeconds: 1_800, unresolved: true, repeatContacts: 2 });
    expect(rises).toHaveLength(1);
    expect(rises[0]!.turn).toBeUndefined();
  });
});
