import type { ConversationSignals } from './conversation-signals.js';

/** How the customer's mood moved from their first to their latest turn that expressed one. */
export interface SentimentTrend {
  start: number;
  end: number;
  /** end − start: negative when the mood worsened. */
  change: number;
  direction: 'worsening' | 'improving' | 'steady';
}

/** A change smaller than this reads as noise in a per-turn sentiment, not a trend. */
export const TREND_DEADBAND = 0.1;

export function sentimentTrend(signals: ConversationSignals): SentimentTrend | undefined {
  const { startSentiment: start, endSentiment: end } = signals;
  if (start === undefined || end === undefined) return undefined;
  const change = end - start;
  const direction = change < -TREND_DEADBAND ? 'worsening' : change > TREND_DEADBAND ? 'improving' : 'steady';
  return { start, end, change, direction };
}
