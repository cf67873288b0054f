import type { TextAnalysis } from '../core/types.js';
import type { Turn } from '../schema/interaction-schema.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { TermHits } from '../text/terms/term-hits.js';
import type { ConversationSignals } from './conversation-signals.js';
import { TurnAggregator } from './turn-aggregator.js';
import { CueDigest } from './cue-digest.js';

/** The customer's words analysed, and for a transcript what its turns say. */
export interface TextReading {
  /** For a transcript read for scoring, `cues` is empty: what scoring needs of them is in `cues` below. */
  analysis: TextAnalysis;
  /** The cues as scoring uses them (counts, first few per kind, strongest feelings), in bounded memory. */
  cues: CueDigest;
  conversation: ConversationSignals | undefined;
  /** Where learned terms matched in the customer text, when a model's terms were read. */
  termHits: TermHits | undefined;
}

/** A TextReading to be filled in place: a scorer keeps one (with its context, see Scratch) for the strings it scores. */
export interface ReadingSlot {
  analysis: TextAnalysis | undefined;
  cues: CueDigest | undefined;
  conversation: ConversationSignals | undefined;
  termHits: TermHits | undefined;
}

/**
 * A string is analysed whole; a transcript turn by turn, exactly as a live
 * session reads it. A token reader (learned terms), when given, reads in the same pass.
 */
export function readText(analyze: StringAnalyzer, text: string | readonly Turn[], terms?: TokenReader, options?: { keepCues?: boolean }): TextReading {
  if (typeof text === 'string') return readStringInto({ analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined }, new CueDigest(), analyze, text, terms);
  const aggregator = new TurnAggregator(analyze, terms, options?.keepCues === true);
  for (const turn of text) aggregator.add(turn);
  return { analysis: aggregator.analysis(), cues: aggregator.digest, conversation: aggregator.signals(), termHits: terms?.hits };
}

/**
 * One string read into `slot`, its cues into `digest` (emptied first), and
 * the slot returned as the reading: a scorer passes the slot and digest it
 * keeps, so scoring a string makes neither a reading nor a digest (~160 B).
 * Both are written only once the analyzer has returned: an analyzer of the
 * caller's own that scores with the same scorer meanwhile has them to itself.
 */
export function readStringInto(slot: ReadingSlot, digest: CueDigest, analyze: StringAnalyzer, text: string, terms: TokenReader | undefined): TextReading {
  const analysis = analyze(text, terms?.piece(0, text));
  digest.reset();
  digest.add(analysis.cues, text, 0);
  slot.analysis = analysis;
  slot.cues = digest;
  slot.conversation = undefined;
  slot.termHits = terms?.hits;
  return slot as TextReading;
}
