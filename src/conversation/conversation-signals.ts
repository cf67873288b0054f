import type { AgentCue } from './agent-cues.js';

/** What a turn-by-turn transcript says beyond the customer's words as a whole. */
export interface ConversationSignals {
  customerTurns: number;
  /** Sentiment of the first and the latest customer turn that expressed a feeling. */
  startSentiment: number | undefined;
  endSentiment: number | undefined;
  /** Customer turns that raise again a problem already raised earlier in the contact. */
  repeats: number;
  agentCues: AgentCue[];
  /** Longest wait, in seconds, between a customer turn and the next agent turn (needs `at`). */
  longestAgentSilence: number | undefined;
}
