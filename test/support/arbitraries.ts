import fc from 'fast-check';
import { CHANNELS } from '../../src/core/channels.js';
import type { Interaction, InteractionField } from '../../src/index.js';

const PHRASES = [
  '我要投诉', '等了半小时', '太差了', '谢谢', '不满意', '没解决', '退款', '12315', '非常', '！！！',
  'I want a refund', 'worst service', 'thanks', 'not happy', 'still waiting', 'manager', '!!!', 'great',
];

/** Customer words: fragments the analyzer knows, mixed with arbitrary text. */
export const customerWords = fc.oneof(
  fc.array(fc.constantFrom(...PHRASES), { maxLength: 6 }).map((parts) => parts.join('，')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const turn = fc.record({ speaker: fc.constantFrom('customer' as const, 'agent' as const), text: customerWords });

const timestamp = fc.oneof(
  fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);

/**
 * A valid value for every interaction field. Keyed by InteractionField, so a
 * new field does not compile until the property tests generate it too.
 */
const FIELD_VALUES: Record<InteractionField, fc.Arbitrary<unknown>> = {
  channel: fc.constantFrom(...CHANNELS, '电话', '网点', '在线', '社交媒体', '短信', '邮件'),
  waitSeconds: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 31_536_000, noNaN: true })),
  repeatContacts: fc.nat(50),
  text: fc.oneof(customerWords, fc.array(turn, { maxLength: 6 })),
  transfers: fc.nat(20),
  unresolved: fc.boolean(),
  priorComplaints: fc.nat(10),
  attributes: fc.dictionary(fc.constantFrom('tier', 'tenureYears', 'vip'), fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.string({ maxLength: 8 })), {
    maxKeys: 3,
  }),
  history: fc.array(fc.record({ at: timestamp, complained: fc.boolean() }, { requiredKeys: ['at'] }), { maxLength: 4 }),
  now: timestamp,
};

/** The shapes most traffic has (no dated history): the ones the scorer's fast validation path takes. */
export const usualInteraction: fc.Arbitrary<Interaction> = fc.record(
  { ...FIELD_VALUES, history: fc.constant(undefined), now: fc.constant(undefined) },
  { requiredKeys: ['channel'] },
).map(({ history: _history, now: _now, ...x }) => x as Interaction);

/** Any valid interaction (every field may appear; `now` is added where `history` needs it). */
export const validInteraction: fc.Arbitrary<Interaction> = fc
  .record(FIELD_VALUES, { requiredKeys: ['channel'] })
  .map((x) => (x.history !== undefined && x.now === undefined ? { ...x, now: 1_800_000_000_000 } : x) as Interaction);

/**
 * Pieces of text that break naive string handling: lone and paired
 * surrogates, zero-width and bidi controls, combining marks, emoji ZWJ
 * sequences, full-width forms, C0/C1 controls, letters whose case mapping
 * changes length (İ, ß, ﬃ), line separators, and words the analyzer knows.
 */
const HOSTILE_PIECES = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '😀', '\uD83D\uDE21',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
  '\u0301', '\u0308', '\u0338', 'e\u0301', '投\u0301诉', 'Z\u0351\u0352\u0353\u0354\u0355\u0356',
  '👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻', '🇨🇳', '❤️', '1️⃣',
  'ＡＢＣ', 'ｒｅｆｕｎｄ', '！', '！！！', '？？', '，', '。', '＂', '１２３１５', '投诉',
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\u000B', '\u000C', '\u001B[31m', '\u007F', '\u0085', '\u009B',
  '\u2028', '\u2029',
  'İ', 'ı', 'ß', 'ẞ', 'ﬃ', 'ŉ', 'ǰ', 'Σ', 'ς', 'ΐ', 'Å', 'K',
  '我要投诉', '投诉', '等了半小时', '太差了', '不满意', '非常', '退款', '谢谢', '没解决', '12315', '曝光', '律师',
  'I want to complain', 'refund', 'REFUND!!!', 'worst', 'manager', 'still waiting', 'thanks', 'not happy', 'lawyer',
  ' ', '  ', '.', '!', '?', '...', '"', "'", '\\', '/', '<script>', '${x}', '%s', '{}', '[]', 'null',
  '(a+)+$', '((((((((((', '\\u0000',
];

/** Strings built to break text handling, mixed with arbitrary code units (lone surrogates included). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 1, max: 300 })).map(([p, n]) => p.repeat(n)) },
);

/** Transcripts of hostile turns, agent and customer interleaved, with and without times. */
export const hostileTurns = fc.array(
  fc.record(
    { speaker: fc.constantFrom('customer' as const, 'agent' as const), text: hostileString, at: fc.integer({ min: 0, max: 10_000_000 }) },
    { requiredKeys: ['speaker', 'text'] },
  ),
  { maxLength: 8 },
);

/** The text evidence offsets point into, computed independently of the library. */
export function expectedCustomerText(text: string | ReadonlyArray<{ speaker: string; text: string }> | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.filter((t) => t.speaker === 'customer').map((t) => t.text).join('\n');
}
