import { createScorer, type Model, type Scorer } from '../../index.js';
import { createOutputForm } from '../output-forms/create-form.js';
import type { FormSettings, OutputForm } from '../output-forms/output-form.js';
import type { RowItem } from '../batch-input/row-items.js';
import { hasUnsafe, terminalText } from '../terminal-safe.js';
import { scoreItem, type RowSettings } from './score-item.js';

/** Everything that decides a row's output line besides the model: plain data, handed to each worker as it is. */
export interface ScoreSettings {
  readonly rows: RowSettings;
  readonly form: FormSettings;
}

/** What scoring a batch needs, built once per thread from the same model and settings. */
export interface ScoreContext {
  readonly scorer: Scorer;
  readonly rows: RowSettings;
  readonly form: OutputForm;
  /** A JSONL row's JSON output line needs escaping only when the row itself may hold what a terminal must not see (see renderItem). */
  readonly escapesFollowRow: boolean;
}

/** Counts a batch adds to the run's totals (its exit code and the one no-channel message). */
export interface BatchTally {
  rows: number;
  failed: number;
  withoutChannel: number;
}

export function createScoreContext(model: Model, settings: ScoreSettings): ScoreContext {
  const form = createOutputForm(settings.form);
  // The model's strings (its id, labels, learned terms) and the options' (--keep names) are quoted too: checked once here.
  const escapesFollowRow = form.jsonEscaped && !hasUnsafe(JSON.stringify(model), false) && !hasUnsafe(JSON.stringify(settings), false);
  return { scorer: createScorer(model), rows: settings.rows, form, escapesFollowRow };
}

export function emptyTally(): BatchTally {
  return { rows: 0, failed: 0, withoutChannel: 0 };
}

export function addTally(into: BatchTally, from: BatchTally): void {
  into.rows += from.rows;
  into.failed += from.failed;
  into.withoutChannel += from.withoutChannel;
}

/**
 * One row's output line, counted into `tally`. The one function both
 * `--jobs 1` and the worker threads call, so their output is the same bytes.
 */
export function renderItem(context: ScoreContext, item: RowItem, tally: BatchTally): string {
  const scored = scoreItem(context.scorer, context.rows, item);
  tally.rows++;
  if (!scored.outcome.ok) tally.failed++;
  if (scored.lacksChannel) tally.withoutChannel++;
  // Escaped here, before the line becomes bytes: writeChunk passes bytes through as they are.
  const line = context.form.line(scored);
  return context.escapesFollowRow && 'json' in item && !jsonRowMayQuoteUnsafe(item.json) ? line : terminalText(line);
}

/**
 * Whether a JSON output line for this JSONL row could hold a character a
 * terminal must not see raw. JSON.stringify writes every control character
 * as an escape, so only the others of the set (C1 controls, bidi and
 * invisible format characters) could reach the line raw, and only inside
 * a string the line quotes: the row's own (its words as evidence and in
 * reasons, its id, kept keys, an error quoting it), the model's or the
 * options' (checked once, createScoreContext), or our own reason wording
 * (none; a property test holds the lines to terminalText). So a row with
 * no such character and no \u escape (which could decode to one) gives a
 * line that needs no escaping, and checking the row is several times
 * cheaper than checking the line that quotes it with every reason.
 */
function jsonRowMayQuoteUnsafe(json: string): boolean {
  return json.includes('\\u') || hasUnsafe(json, false);
}
