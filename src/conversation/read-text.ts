import type { TextAnalysis } from '../core/types.js';
import type { Turn } from '../schema/interaction-schema.js';
import type { ConversationSignals } from './conversation-signals.js';
import { TurnAggregator } from './turn-aggregator.js';

/** The customer's words analysed, and for a transcript what its turns say. */
export interface TextReading {
  analysis: TextAnalysis;
  conversation: ConversationSignals | undefined;
}

/** A string is analysed whole; a transcript turn by turn, exactly as a live session reads it. */
export function readText(analyze: (text: string) => TextAnalysis, text: string | readonly Turn[]): TextReading {
  if (typeof text === 'string') return { analysis: analyze(text), conversation: undefined };
  const aggregator = new TurnAggregator(analyze);
  for (const turn of text) aggregator.add(turn);
  return { analysis: aggregator.analysis(), conversation: aggregator.signals() };
}
