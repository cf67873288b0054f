import { describe, expect, it } from 'vitest';
import { createScorer, logit, parseModel, type Model } from '../../src/index.js';
import { evaluate, fit } from '../../src/calibrate.js';
import { domainHistory } from '../support/domain-history.js';

const history = domainHistory(1_500, 7);
const termsOf = (model: Model): [string, number][] => {
  const spec = model.features.find((f) => f.kind === 'terms');
  return spec?.kind === 'terms' ? spec.terms.map(([t, w]) => [t, w]) : [];
};

describe('fit learns the words of a team’s own domain', () => {
  const { model, report } = fit(history);
  const terms = new Map(termsOf(model));

  it('by default, when records have text: domain problem words raise risk, routine ones lower it', () => {
    expect(report.terms?.learned).toBeGreaterThan(10);
    expect(report.terms?.l2ChosenBy).toBe('cross-validation');
    for (const term of ['bumped', 'luggage', 'shrugged', '清零']) expect(terms.get(term), term).toBeGreaterThan(0);
    for (const term of ['upgrade', 'lounge', 'voucher', '到账']) expect(terms.get(term), term).toBeLessThan(0);
    // A phrase's weight is spread over its words and word pairs; together they move the score.
    const scorer = createScorer(model);
    const termsFactor = (text: string): number => scorer.score({ channel: 'chat', text }).factors.find((f) => f.id === 'terms')?.contribution ?? 0;
    for (const text of ['bumped off the list', 'luggage went to another city', '手续费扣了两遍']) expect(termsFactor(text), text).toBeGreaterThan(1);
    for (const text of ['seat upgrade confirmed', 'lounge access works', '积分到账']) expect(termsFactor(text), text).toBeLessThan(-0.5);
    expect(model.weights.terms).toBe(1);
    expect(model.reference.values.terms).toBe(0);
  });

  it('ranks held-out records far better than the built-in lexicon, which does not know these words', () => {
    const heldOut = domainHistory(1_000, 8);
    const learned = evaluate(model, heldOut).auc;
    const lexiconOnly = evaluate(fit(history, { terms: false }).model, heldOut).auc;
    expect(learned).toBeGreaterThan(0.88);
    expect(learned - lexiconOnly).toBeGreaterThan(0.2);
  });

  it('the fitted model file parses back to the same model, and the scorer reproduces the training probabilities', () => {
    const reparsed = parseModel(JSON.parse(JSON.stringify(model)));
    expect(reparsed).toEqual(model);
    const { probabilities } = fit(history, { terms: { l2: report.terms?.l2 as number } });
    const scorer = createScorer(reparsed);
    history.slice(0, 300).forEach(({ label: _label, ...interaction }, i) => {
      expect(Math.abs(scorer.score(interaction).probability - (probabilities[i] as number))).toBeLessThan(1e-9);
    });
  });

  it('options: off, a cap, a minimum frequency and a fixed strength', () => {
    expect(fit(history, { terms: false }).model.features.some((f) => f.kind === 'terms')).toBe(false);
    const capped = fit(history, { terms: { maxTerms: 5, l2: 2 } });
    expect(termsOf(capped.model)).toHaveLength(5);
    expect(capped.report.terms).toMatchObject({ maxTerms: 5, l2: 2, l2ChosenBy: 'option', crossValidation: [] });
    // The five kept are among the strongest of the full fit at the same strength (ties aside).
    const full = new Map(termsOf(fit(history, { terms: { l2: 2 } }).model));
    const kept = new Set(termsOf(capped.model).map(([t]) => t));
    const keptSizes = [...kept].map((t) => Math.abs(full.get(t) as number));
    const droppedSizes = [...full].filter(([t]) => !kept.has(t)).map(([, w]) => Math.abs(w));
    expect(Math.min(...keptSizes)).toBeGreaterThanOrEqual(Math.max(...droppedSizes) - 1e-4);
    // A minimum below the privacy floor of 2 is raised to it.
    // Below the privacy floor of 2 is refused at its path, never quietly raised.
    expect(() => fit(history.slice(0, 400), { terms: { minDocuments: 0, l2: 2 } })).toThrow(/terms\.minDocuments/);
  });

  it('numeric-only records fit with default options and learn no terms', () => {
    const numeric = history.map(({ text: _text, ...r }, i) => ({ ...r, waitSeconds: (i * 37) % 900, unresolved: i % 3 === 0 }));
    const result = fit(numeric);
    expect(result.report.terms).toBeUndefined();
    expect(result.model.features.some((f) => f.kind === 'terms')).toBe(false);
    expect(result.report.notFitted).toContain('negativity');
  });

  it('explains a score with the matched terms, exactly', () => {
    const scorer = createScorer(model);
    const text = 'Got BUMPED off the list, 手续费扣了两遍 — the gate agent shrugged';
    const result = scorer.score({ channel: 'chat', text });
    const factor = result.factors.find((f) => f.id === 'terms');
    expect(factor?.direction).toBe('raises');
    expect(factor?.reason.en).toMatch(/^Words your history links to complaints: "/);
    expect(factor?.reason.zh).toMatch(/^历史数据中与投诉相关的用语：“/);
    for (const e of factor?.evidence ?? []) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.kind).toBe('term');
      expect(terms.get(e.term as string)).toBe(e.weight);
    }
    // Strongest first; the reason quotes the strongest that do not overlap each other.
    const weights = (factor?.evidence ?? []).map((e) => e.weight as number);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(factor?.evidence?.length).toBeGreaterThan(3);
    const quoted = [...(factor?.reason.en ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(quoted).toHaveLength(3);
    expect(quoted[0]).toBe(factor?.evidence?.[0]?.text);
    const sum = result.factors.reduce((s, f) => s + f.contribution, 0);
    expect(Math.abs(sum - (logit(result.probability) - logit(result.reference.probability)))).toBeLessThan(1e-9);
    expect(structuredClone(result)).toEqual(result);
  });
});

describe('a model file never carries customer data', () => {
  const { model } = fit(history, { terms: { l2: 2 } });
  const terms = termsOf(model).map(([t]) => t);
  const lower = history.map((r) => String(r.text).toLowerCase());

  it('every term occurs in at least 5 distinct training records', () => {
    expect(terms.length).toBeGreaterThan(10);
    // Substring counts over-count token counts, so a term under 5 here would be a certain violation.
    for (const term of terms) expect(lower.filter((t) => t.includes(term)).length, term).toBeGreaterThanOrEqual(5);
  });

  it('no digits, e-mail addresses, URLs, @handles or ID-like tokens, however often they recur', () => {
    for (const term of terms) {
      expect(term, term).not.toMatch(/[0-9@/:._]/);
      for (const part of ['skybank', 'example', 'com', 'https', 'refunds', 'ref', 'case', 'deadbeefcafe', 'zhangwei', 'skybankhelp']) expect(term.split(' '), term).not.toContain(part);
    }
    expect(JSON.stringify(model)).not.toMatch(/1380013|AB10|help@|https?:|@SkyBank|deadbeef/i);
  });

  it('parseModel refuses a hand-made model whose terms hold data', () => {
    const base = JSON.parse(JSON.stringify(model)) as Model & { features: unknown[] };
    const withTerm = (term: string) => {
      const copy = JSON.parse(JSON.stringify(base));
      const spec = copy.features.find((f: { kind: string }) => f.kind === 'terms');
      spec.terms.push([term, 1]);
      return copy;
    };
    for (const bad of ['13800138000', 'help@skybank.com', 'https://x', '@skybankhelp', 'order ab1234', 'deadbeefcafe', 'Upper', 'three word term', 'a_b'])
      expect(() => parseModel(withTerm(bad)), bad).toThrow(/not a learnable term/);
    const first = (termsOf(model)[0] as [string, number])[0];
    expect(() => parseModel(withTerm(first))).toThrow(/duplicate term/);
  });
});
