import type { Band, RiskResult } from '../core/types.js';
import { modelInputError } from '../scorer/model-input-check.js';
import type { CompiledModel } from '../scorer/compile-model.js';
import { bareObject, ownData } from '../core/own-properties.js';
import { checkOptions } from '../core/options-check.js';
import { sessionOptionsSchema } from '../scorer/option-schemas.js';
import type { Model } from '../model/model-schema.js';
import { turnSchema, type Interaction, type NormalizedInteraction, type Turn } from '../schema/interaction-schema.js';
import { defaultModel } from '../model/default-model.js';
import { scoreInteraction } from '../scorer/score-interaction.js';
import { BAND_ORDER } from '../scorer/band.js';
import { prepareScoring, type ScoringOptions } from '../scorer/scoring-setup.js';
import { TurnAggregator } from '../conversation/turn-aggregator.js';
import { sentimentTrend, type SentimentTrend } from '../conversation/sentiment-trend.js';
import { validateInteraction } from '../validate/validate-interaction.js';
import { fastCheckTurn } from '../validate/fast-interaction-check.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import { LIMITS } from '../core/limits.js';
import { SESSION_STATE_VERSION, sessionStateSchema, type SessionState } from './session-state.js';
import { handedOut } from './handed-out.js';


export interface BandRise {
  from: Band;
  to: Band;
  result: RiskResult;
  /** Index of the turn that caused the rise; undefined when `update()` did. */
  turn: number | undefined;
}

export interface SessionOptions extends ScoringOptions {
  model?: Model;
  /** Called, synchronously, when the band rises to `alertBand` or above from below it. */
  onBandRise?: (rise: BandRise) => void;
  /** The lowest band worth an alert (default 'high'). */
  alertBand?: Band;
}

export interface Session {
  /** Adds one turn (customer or agent) and returns the updated risk; costs that turn's length. */
  addTurn(turn: Turn): RiskResult;
  /**
   * Merges new signals (waitSeconds, unresolved, transfers, ...) and returns
   * the updated risk. `text` is added to the transcript, never put in its
   * place: a string as one more customer turn, a list as more turns. What
   * the customer said earlier stays said.
   */
  update(signals: Partial<Interaction>): RiskResult;
  /** Puts a new transcript in place of the whole one so far (a corrected transcription, say): the only way to drop turns. */
  replaceTranscript(text: string | readonly Turn[]): RiskResult;
  current(): RiskResult;
  /** The customer's mood from their first to their latest emotional turn; undefined before there is one. */
  trend(): SentimentTrend | undefined;
  toJSON(): SessionState;
}

/**
 * A live contact, scored turn by turn. After every call the result equals
 * `createScorer(model).score(interactionSoFar)`: the turns are read by the
 * same aggregator a whole transcript goes through, one turn at a time.
 */
export function createSession(init: Partial<Interaction> = {}, given: SessionOptions = {}): Session {
  const options = checkOptions(sessionOptionsSchema, given, 'session options') as SessionOptions;
  const { model, compiled, scratch, analyze, newTermReader } = prepareScoring(options.model, options);
  const alertIndex = BAND_ORDER.indexOf(options.alertBand ?? 'high');
  const validated = (input: unknown): NormalizedInteraction => validatedFor(compiled, input);

  const first = validated(readable('session init', () => ({ channel: 'other', ...(ownData(init, 1) as object) })));
  let base = withoutText(first);
  let turns: Turn[] = [];
  // The session's learned-term hits accumulate turn by turn, like the aggregator's cues.
  let terms = newTermReader();
  let aggregator = new TurnAggregator(analyze, terms);
  // The band of the latest result: the next band-rise check compares with it. Results themselves are the
  // caller's (see handedOut); the session keeps none of them.
  let band: Band | undefined;
  // The signals with the transcript, as scoring reads them: made again only when `base` or the `turns`
  // array itself is replaced (a new turn is pushed onto the array this already holds).
  let withTurns: NormalizedInteraction | undefined;

  /** The result of the session as it stands, made afresh: equal to the last addTurn/update result however that was edited. */
  function scoreNow(): RiskResult {
    const interaction = turns.length > 0 ? (withTurns ??= Object.assign(bareObject<NormalizedInteraction>(), base, { text: turns })) : base;
    const reading = turns.length > 0 ? { analysis: aggregator.analysis(), cues: aggregator.digest, conversation: aggregator.signals(), termHits: terms?.hits } : undefined;
    return handedOut(scoreInteraction(compiled, interaction, reading, scratch));
  }

  function rescore(turn: number | undefined): RiskResult {
    const result = scoreNow();
    const previous = band;
    band = result.band;
    if (previous !== undefined && options.onBandRise !== undefined) {
      const from = BAND_ORDER.indexOf(previous);
      const to = BAND_ORDER.indexOf(result.band);
      if (to > from && to >= alertIndex && from < alertIndex) options.onBandRise({ from: previous, to: result.band, result, turn });
    }
    return result;
  }

  function replaceTranscript(text: NormalizedInteraction['text']): void {
    turns = [];
    withTurns = undefined;
    terms = newTermReader();
    aggregator = new TurnAggregator(analyze, terms);
    const list = text === undefined ? [] : typeof text === 'string' ? [{ speaker: 'customer' as const, text }] : text;
    for (const turn of list) {
      turns.push(turn);
      aggregator.add(turn);
    }
  }

  replaceTranscript(first.text);
  rescore(undefined);

  return {
    addTurn(turn) {
      const turnRead = checkedTurn(readable('turn', () => ownData(turn, 1)));
      if (turns.length >= LIMITS.maxTurns)
        throw new ComplaintRiskInputError(inputErrorFrom([{ path: 'turn', code: 'too_big', message: `a session holds at most ${LIMITS.maxTurns} turns` }], 'turn'));
      turns.push(turnRead);
      aggregator.add(turnRead);
      return rescore(turns.length - 1);
    },
    update(signals) {
      // Read the caller's object once; check the merged interaction, transcript included, before changing anything.
      const snapshot = readable('signals', () => ownData(typeof signals === 'object' && signals !== null ? signals : {}, 1)) as Partial<Interaction>;
      const merged = validated({ ...base, ...snapshot });
      const added = merged.text === undefined ? [] : typeof merged.text === 'string' ? [{ speaker: 'customer' as const, text: merged.text }] : merged.text;
      if (turns.length + added.length > LIMITS.maxTurns)
        throw new ComplaintRiskInputError(inputErrorFrom([{ path: 'text', code: 'too_big', message: `a session holds at most ${LIMITS.maxTurns} turns` }], 'signals'));
      base = withoutText(merged);
      withTurns = undefined;
      for (const turn of added) {
        turns.push(turn);
        aggregator.add(turn);
      }
      return rescore(added.length > 0 ? turns.length - 1 : undefined);
    },
    replaceTranscript(text) {
      const merged = validated({ ...base, text: readable('text', () => ownData(text, 2)) });
      replaceTranscript(merged.text);
      return rescore(undefined);
    },
    current: scoreNow,
    trend: () => sentimentTrend(aggregator.signals()),
    toJSON: () => ({
      formatVersion: SESSION_STATE_VERSION,
      modelId: model.id,
      interaction: turns.length > 0 ? { ...base, text: turns.slice() } : { ...base },
    }),
  };
}

/** Resumes a session saved with `toJSON()` (for instance across a server restart). */
export function restoreSession(state: unknown, given: SessionOptions = {}): Session {
  const options = checkOptions(sessionOptionsSchema, given, 'session options') as SessionOptions;
  const parsed = readable('session state', () => sessionStateSchema.safeParse(ownData(state, 5)));
  if (!parsed.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(parsed.error), 'session state'));
  const modelId = (options.model ?? defaultModel).id;
  if (parsed.data.modelId !== modelId)
    throw new ComplaintRiskInputError(
      inputErrorFrom([{ path: 'modelId', code: 'model_mismatch', message: `state was scored by model "${parsed.data.modelId}", not "${modelId}"` }], 'session state'),
    );
  return createSession(parsed.data.interaction, options);
}

/**
 * A turn read once from the caller (a copy of its own data), checked: a
 * plainly valid one by the fast check, anything else by turnSchema, which
 * names what is wrong. Either way a copy the session alone holds.
 */
function checkedTurn(read: unknown): Turn {
  const fast = fastCheckTurn(read);
  if (fast !== undefined) return fast;
  const checked = turnSchema.safeParse(read);
  if (!checked.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(checked.error, ['turn']), 'turn'));
  return ownData(checked.data, 1) as Turn;
}

function validatedFor(compiled: CompiledModel, input: unknown): NormalizedInteraction {
  const checked = validateInteraction(stripUndefined(input as Record<string, unknown>));
  if (!checked.ok) throw new ComplaintRiskInputError(checked.error);
  const refused = modelInputError(compiled, checked.value);
  if (refused !== undefined) throw new ComplaintRiskInputError(refused);
  return checked.value;
}

/** The signals without the transcript, on an object that inherits nothing (a spread would inherit Object.prototype's keys). */
function withoutText(interaction: NormalizedInteraction): NormalizedInteraction {
  const rest = bareObject<Record<string, unknown>>();
  for (const key of Object.keys(interaction)) if (key !== 'text') rest[key] = (interaction as unknown as Record<string, unknown>)[key];
  return rest as unknown as NormalizedInteraction;
}

/** Runs a read of caller data; a throwing getter or revoked proxy becomes an input error, not a crash. */
function readable<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof ComplaintRiskInputError) throw cause;
    const message = `${what} could not be read: ${cause instanceof Error ? cause.message : 'unreadable value'}`;
    throw new ComplaintRiskInputError(inputErrorFrom([{ path: '(root)', code: 'unreadable', message }], what));
  }
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (record[key] !== undefined) out[key] = record[key];
  return out;
}
