import type { Evidence, TextAnalysis, TextLanguage } from '../core/types.js';
import type { Turn } from '../schema/interaction-schema.js';
import { PROBLEM_CUE_KINDS, FEELING_CUE_KINDS } from '../text/cue-kinds.js';
import { findAgentCues, type AgentCue } from './agent-cues.js';
import type { ConversationSignals } from './conversation-signals.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import { timestampMs } from '../schema/timestamps.js';
import { CueDigest } from './cue-digest.js';

/** Each earlier customer turn weighs this much less than the next one. */
export const TURN_RECENCY = 0.7;
/** A turn that expresses no feeling still dilutes the mood, but less. */
const NEUTRAL_TURN_WEIGHT = 0.25;

/**
 * Reads a transcript one turn at a time. Each turn is analysed once, alone;
 * the running sums (and the bounded cue digest) make adding a turn cost that
 * turn's length however long the transcript is, and a whole
 * transcript read at once gives exactly what reading it turn by turn gives.
 *
 * Combination: sentiment is a recency-weighted mean over customer turns
 * (later turns weigh more), intensity a decayed maximum, intent a noisy-OR
 * (a threat once made stays made); cues keep their offsets in the customer
 * text (customer turns joined with "\n").
 */
export class TurnAggregator {
  private turns = 0;
  private customerTurns = 0;
  private customerLength = 0;
  private sentimentSum = 0;
  private sentimentWeight = 0;
  private intensity = 0;
  private intentMiss = 1;
  private truncated = false;
  private hasZh = false;
  private hasEn = false;
  private startSentiment: number | undefined;
  private endSentiment: number | undefined;
  private repeats = 0;
  private readonly problemKinds = new Set<string>();
  /** What scoring needs of the cues, bounded; every cue only when an analysis with all of them was asked for. */
  readonly digest = new CueDigest();
  private readonly cues: Evidence[] | undefined;
  /** The first cue of each kind the agent gave (apology, promise, transfer): all a factor quotes. */
  private readonly agentCues: AgentCue[] = [];
  private unansweredSince: number | undefined;
  private longestSilenceMs: number | undefined;

  constructor(
    private readonly analyze: StringAnalyzer,
    /** Learned terms: each customer turn's tokens are read at the turn's place in the customer text. */
    private readonly terms?: TokenReader,
    /** Keep every cue for `analysis().cues` (analyzeText); scoring reads the digest and keeps none. */
    keepCues = false,
  ) {
    this.cues = keepCues ? [] : undefined;
  }

  add(turn: Turn): void {
    const index = this.turns++;
    const at = turn.at === undefined ? undefined : timestampMs(turn.at);
    // A customer still waiting for a reply when they write again already feels the silence.
    if (at !== undefined && this.unansweredSince !== undefined) this.noteSilence(at - this.unansweredSince);
    if (turn.speaker === 'agent') {
      for (const cue of findAgentCues(turn.text, index)) if (!this.agentCues.some((a) => a.kind === cue.kind)) this.agentCues.push(cue);
      this.unansweredSince = undefined;
      return;
    }
    if (at !== undefined && this.unansweredSince === undefined) this.unansweredSince = at;
    this.addCustomer(turn.text);
  }

  private noteSilence(ms: number): void {
    const silence = ms > 0 ? ms : 0;
    if (this.longestSilenceMs === undefined || silence > this.longestSilenceMs) this.longestSilenceMs = silence;
  }

  private addCustomer(text: string): void {
    const offset = this.customerTurns === 0 ? 0 : this.customerLength + 1;
    this.customerLength = offset + text.length;
    this.customerTurns++;
    const a = this.analyze(text, this.terms?.piece(offset, text));
    this.digest.add(a.cues, text, offset);

    // Named problems (送错, still waiting) move the sentiment without a feeling word.
    let feeling = a.sentiment !== 0;
    const raised = new Set<string>();
    for (const cue of a.cues) {
      this.cues?.push(offset === 0 ? cue : { ...cue, start: cue.start + offset, end: cue.end + offset });
      if (FEELING_CUE_KINDS.has(cue.kind)) feeling = true;
      // The same kind of problem, or the very same demand, raised again counts as a repeat.
      if (PROBLEM_CUE_KINDS.has(cue.kind)) raised.add(cue.kind);
      if (cue.kind === 'intent') raised.add('intent:' + cue.text.toLowerCase());
    }
    for (const kind of raised) if (this.problemKinds.has(kind)) this.repeats++;
    for (const kind of raised) this.problemKinds.add(kind);

    const weight = feeling ? 1 : NEUTRAL_TURN_WEIGHT;
    this.sentimentSum = this.sentimentSum * TURN_RECENCY + weight * a.sentiment;
    this.sentimentWeight = this.sentimentWeight * TURN_RECENCY + weight;
    const decayed = this.intensity * TURN_RECENCY;
    this.intensity = a.intensity > decayed ? a.intensity : decayed;
    this.intentMiss *= 1 - a.intent;
    this.truncated ||= a.truncated;
    if (a.language === 'zh' || a.language === 'mixed') this.hasZh = true;
    if (a.language === 'en' || a.language === 'mixed') this.hasEn = true;
    if (feeling) {
      if (this.startSentiment === undefined) this.startSentiment = a.sentiment;
      this.endSentiment = a.sentiment;
    }
  }

  /** The customer's words so far, as one analysis (the mood's course is in signals()); its cues only when kept. */
  analysis(): TextAnalysis {
    const language: TextLanguage = this.hasZh ? (this.hasEn ? 'mixed' : 'zh') : this.hasEn ? 'en' : 'none';
    return {
      language,
      sentiment: this.sentimentWeight > 0 ? this.sentimentSum / this.sentimentWeight : 0,
      intensity: this.intensity,
      intent: 1 - this.intentMiss,
      cues: this.cues === undefined ? [] : this.cues.slice(),
      truncated: this.truncated,
    };
  }

  signals(): ConversationSignals {
    return {
      customerTurns: this.customerTurns,
      startSentiment: this.startSentiment,
      endSentiment: this.endSentiment,
      repeats: this.repeats,
      agentCues: this.agentCues.slice(),
      longestAgentSilence: this.longestSilenceMs === undefined ? undefined : this.longestSilenceMs / 1000,
    };
  }
}
