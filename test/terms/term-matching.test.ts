import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, createSession, defaultModel, parseModel, type Model, type Turn } from '../../src/index.js';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';
import { TermCollector } from '../../src/text/terms/term-collector.js';
import { TermMatcher, termReader } from '../../src/text/terms/term-matcher.js';
import { TermHits } from '../../src/text/terms/term-hits.js';
import { compileVocabulary } from '../../src/text/terms/term-vocabulary.js';
import { readText } from '../../src/conversation/read-text.js';
import { FOLD } from '../../src/text/char-fold.js';
import { MAX_EVIDENCE } from '../../src/core/evidence-limits.js';

const analyze = createStringAnalyzer();

/** The terms (folded) a vocabulary finds in a text, with their spans, as the scorer reads it. */
function matched(terms: readonly string[], text: string): { term: string; span: string }[] {
  const vocabulary = compileVocabulary(terms.map((t) => [t, 1] as [string, number]));
  const reader = termReader(new TermMatcher(vocabulary));
  readText(analyze, text, reader);
  const hits = reader.hits as NonNullable<typeof reader.hits>;
  // Every weight is 1, so the strongest-first list is the distinct terms in text order
  // (at most MAX_EVIDENCE of them: texts here stay under it).
  const evidence = hits.evidence(1, vocabulary.terms);
  expect(evidence.length).toBe(Math.min(hits.count, MAX_EVIDENCE));
  return evidence.map((e) => ({ term: e.term as string, span: text.slice(e.start, e.end) }));
}

/** Every candidate term of a text, as fitting collects them. */
function candidates(text: string): string[] {
  const collector = new TermCollector();
  collector.begin();
  readText(analyze, text, collector.reader);
  return [...collector.finish()].map((id) => collector.name(id));
}

describe('learned terms are read in the scanner’s own pass', () => {
  it('English words and word pairs, folded, pairs only across blanks', () => {
    expect(matched(['still waiting', 'refund'], 'STILL  Waiting for my ＲＥＦＵＮＤ')).toEqual([
      { term: 'still waiting', span: 'STILL  Waiting' },
      { term: 'refund', span: 'ＲＥＦＵＮＤ' },
    ]);
    expect(matched(['still waiting'], 'still, waiting')).toEqual([]);
    expect(matched(["don't"], 'I don’t care')).toEqual([{ term: "don't", span: 'don’t' }]);
  });

  it('words and characters inside a lexicon match are read too', () => {
    // 不满意 and "still waiting" are lexicon entries the scanner consumes whole.
    expect(matched(['满意', '不满'], '我很不满意').map((m) => m.term).sort()).toEqual(['不满', '满意']);
    expect(matched(['waiting'], 'still waiting')).toEqual([{ term: 'waiting', span: 'waiting' }]);
  });

  it('Han n-grams need their characters side by side; Traditional folds to Simplified', () => {
    expect(matched(['退款', '款'], '退 款')).toEqual([{ term: '款', span: '款' }]);
    expect(matched(['退款太慢'.slice(0, 3)], '退款太慢')).toEqual([{ term: '退款太', span: '退款太' }]);
    // A term said twice counts once (its first match is the evidence).
    expect(matched(['退款'], '退款，退款')).toEqual([{ term: '退款', span: '退款' }]);
    expect(matched(['什幺'], '為什麼')).toEqual([{ term: '什幺', span: '什麼' }]);
  });

  it('addresses, handles, e-mail and URL parts, digits and ids are never read as terms', () => {
    const text = 'ask @helpdesk or help@bank.com, see https://bank.example/help, order AB1234, ref_help 12315';
    expect(candidates(text).filter((t) => /help|bank|example|ab|ref|12315/.test(t))).toEqual([]);
    expect(matched(['help', 'bank', 'ask'], text)).toEqual([{ term: 'ask', span: 'ask' }]);
  });

  it('the matcher finds exactly the candidates fitting collected, on any text (property)', () => {
    const piece = fc.constantFrom('still', 'waiting', 'Refund', '退款', '太慢了', '不满意', ' ', '  ', ',', '!', '@x', 'a.b', '12', '麼', 'don’t', '\n', 'http://x.y', '😀', 'é', 'ok');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const names = candidates(text);
        const distinct = [...new Set(names)];
        // Compared in slices the evidence cap cannot cut: every candidate found, nothing else.
        for (let i = 0; i < distinct.length; i += MAX_EVIDENCE) {
          const slice = distinct.slice(i, i + MAX_EVIDENCE);
          const found = new Set(matched(slice, text).map((m) => m.term));
          expect([...found].sort()).toEqual([...slice].sort());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('term spans are folded forms of the text they cover', () => {
    for (const { term, span } of matched(['还在等', 'still waiting'], '還在等 and Still Waiting')) {
      const folded = [...span].map((c) => String.fromCharCode(FOLD[c.charCodeAt(0)] as number)).join('').replace(/ +/g, ' ');
      expect(folded).toBe(term);
    }
  });
});

/** The default model plus a terms feature holding `terms`. */
function withTerms(id: string, terms: [string, number][]): Model {
  return parseModel({
    ...defaultModel,
    id,
    features: [...defaultModel.features, { id: 'terms', kind: 'terms', terms }],
    weights: { ...defaultModel.weights, terms: 1 },
    reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, terms: 0 } },
  });
}

describe('scorers with vocabularies', () => {
  const airline = createScorer(withTerms('airline', [['bumped', 1.5], ['voucher', -0.8]]));
  const bank = createScorer(withTerms('bank', [['征信', 1.2], ['bumped', -0.3]]));

  it('two scorers never see each other’s terms', () => {
    const text = 'bumped again, 征信 problem';
    const termsOf = (scorer: typeof airline) => scorer.score({ channel: 'chat', text }).factors.find((f) => f.id === 'terms');
    expect(termsOf(airline)?.evidence?.map((e) => [e.term, e.weight])).toEqual([['bumped', 1.5]]);
    expect(termsOf(bank)?.evidence?.map((e) => [e.term, e.weight])).toEqual([['征信', 1.2], ['bumped', -0.3]]);
    expect(termsOf(airline)?.contribution).toBeCloseTo(1.5, 12);
    expect(termsOf(bank)?.contribution).toBeCloseTo(0.9, 12);
  });

  it('a term said twice counts once; absent text sits at the reference', () => {
    const twice = airline.score({ channel: 'chat', text: 'bumped. bumped!' }).factors.find((f) => f.id === 'terms');
    expect(twice?.contribution).toBeCloseTo(1.5, 12);
    expect(twice?.value).toBe(1);
    expect(airline.score({ channel: 'chat', waitSeconds: 100 }).factors.some((f) => f.id === 'terms')).toBe(false);
    expect(airline.score({ channel: 'chat', text: 'hello' }).factors.some((f) => f.id === 'terms')).toBe(false);
  });

  it('transcripts: customer turns only, spans in the joined customer text; a live session equals the batch score', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: 'I was bumped' },
      { speaker: 'agent', text: 'here is a voucher' },
      { speaker: 'customer', text: 'a voucher? bumped twice now' },
    ];
    const result = airline.score({ channel: 'chat', text: turns });
    const evidence = result.factors.find((f) => f.id === 'terms')?.evidence ?? [];
    const customer = 'I was bumped\na voucher? bumped twice now';
    for (const e of evidence) expect(customer.slice(e.start, e.end)).toBe(e.text);
    expect(evidence.map((e) => e.term)).toEqual(['bumped', 'voucher']);
    const session = createSession({ channel: 'chat' }, { model: airline.model });
    let live;
    for (const turn of turns) live = session.addTurn(turn);
    expect(live).toEqual(result);
  });

  it('a model holds at most one terms feature, and its terms must be folded', () => {
    const model = withTerms('x', [['bumped', 1]]);
    const two = { ...model, features: [...model.features, { id: 'terms2', kind: 'terms', terms: [] }], weights: { ...model.weights, terms2: 1 }, reference: { ...model.reference, values: { ...model.reference.values, terms2: 0 } } };
    expect(() => parseModel(two)).toThrow(/at most one terms feature/);
    expect(() => withTerms('y', [['Bumped', 1]])).toThrow(/not a learnable term/);
    expect(() => withTerms('y', [['麼', 1]])).toThrow(/not a learnable term/);
  });
});

describe('term hits keep the strongest each way in bounded memory', () => {
  it('evidence(±1) equals sorting every distinct hit, however many there are (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -40, max: 40 })), { maxLength: 400 }), (found) => {
        const names = Array.from({ length: 301 }, (_, term) => `t${term}`);
        const hits = new TermHits();
        hits.clear();
        hits.beginPiece('x'.repeat(500), 7);
        const first = new Map<number, { at: number; weight: number }>();
        found.forEach(([term, w], at) => {
          hits.push(term, at, at + 1, w / 8);
          if (!first.has(term)) first.set(term, { at, weight: w / 8 });
        });
        const all = [...first.entries()].map(([term, h]) => ({ term: names[term], start: h.at + 7, weight: h.weight }));
        expect(hits.count).toBe(all.length);
        for (const direction of [1, -1] as const) {
          const expected = [...all].sort((a, b) => direction * (b.weight - a.weight) || a.start - b.start).slice(0, MAX_EVIDENCE);
          expect(hits.evidence(direction, names).map((e) => ({ term: e.term, start: e.start, weight: e.weight }))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
