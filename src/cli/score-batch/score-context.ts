import { createScorer, type Model, type Scorer } from '../../index.js';
import { createOutputForm } from '../output-forms/create-form.js';
import type { FormSettings, OutputForm } from '../output-forms/output-form.js';
import type { RowItem } from '../batch-input/row-items.js';
import { terminalText } from '../terminal-safe.js';
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
}

/** Counts a batch adds to the run's totals (its exit code and the one no-channel message). */
export interface BatchTally {
  rows: number;
  failed: number;
  withoutChannel: number;
}

export function createScoreContext(model: Model, settings: ScoreSettings): ScoreContext {
  return { scorer: createScorer(model), rows: settings.rows, form: createOutputForm(settings.form) };
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
  return terminalText(context.form.line(scored));
}
