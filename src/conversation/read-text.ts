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

/**
 * A string is analysed whole; a transcript turn by turn, exactly as a live
 * session reads it. A token reader (learned terms), when given, reads in the same pass.
 */
export function readText(analyze: StringAnalyzer, text: string | readonly Turn[], terms?: TokenReader, options: { keepCues?: boolean } = {}): TextReading {
  if (typeof text === 'string') {
    const analysis = analyze(text, terms?.piece(0, text));
    const cues = new CueDigest();
    cues.add(analysis.cues, text, 0);
    return { analysis, cues, conversation: undefined, termHits: terms?.hits };
  }
  const aggregator = new TurnAggregator(analyze, terms, options.keepCues === true);
  for (const turn of text) aggregator.add(turn);
  return { analysis: aggregator.analysis(), cues: aggregator.digest, conversation: aggregator.signals(), termHits: terms?.hits };
}
