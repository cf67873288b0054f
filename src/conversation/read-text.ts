import type { TextAnalysis } from '../core/types.js';
import type { Turn } from '../schema/interaction-schema.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { TermHits } from '../text/terms/term-hits.js';
import type { ConversationSignals } from './conversation-signals.js';
import { TurnAggregator } from './turn-aggregator.js';

/** The customer's words analysed, and for a transcript what its turns say. */
export interface TextReading {
  analysis: TextAnalysis;
  conversation: ConversationSignals | undefined;
  /** Where learned terms matched in the customer text, when a model's terms were read. */
  termHits: TermHits | undefined;
}

/**
 * A string is analysed whole; a transcript turn by turn, exactly as a live
 * session reads it. A token reader (learned terms), when given, reads in the same pass.
 */
export function readText(analyze: StringAnalyzer, text: string | readonly Turn[], terms?: TokenReader): TextReading {
  if (typeof text === 'string') return { analysis: analyze(text, terms?.piece(0)), conversation: undefined, termHits: terms?.hits };
  const aggregator = new TurnAggregator(analyze, terms);
  for (const turn of text) aggregator.add(turn);
  return { analysis: aggregator.analysis(), conversation: aggregator.signals(), termHits: terms?.hits };
}
