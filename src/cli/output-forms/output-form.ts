import type { Lang } from '../format-table.js';
import type { ScoredLine } from '../score-batch/score-item.js';

/** What `score` prints for each row. Plain data, so a worker thread builds the same form. */
export interface FormSettings {
  readonly format: 'json' | 'table' | 'csv';
  /** JSON only: probability, band, points and the top factors as {id, contribution}. */
  readonly compact: boolean;
  readonly lang: Lang;
  /** Factors per row; undefined: all of them in full JSON, 3 in every other form. */
  readonly top: number | undefined;
  /** `--keep` keys (CSV columns after the id). */
  readonly keep: readonly string[];
  /** The model has a points scale (CSV and table add points columns). */
  readonly points: boolean;
}

/** Renders rows: the same text for the same rows on any thread, so `--jobs N` output is byte-identical. */
export interface OutputForm {
  /** Printed once before the first row ('' for JSON). */
  readonly header: string;
  /** One row's output, ending in "\n". */
  line(scored: ScoredLine): string;
  /**
   * The line is JSON.stringify's: every control character in it is written
   * as an escape, so what a terminal must not see raw can only come from
   * the strings the line quotes (see score-context.ts).
   */
  readonly jsonEscaped: boolean;
}

/** Factors shown when --top is not given, in the forms that show only some. */
export const DEFAULT_TOP = 3;
