import type { Model } from '../model/model-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { compileModel, type CompiledModel } from '../scorer/compile-model.js';
import { computeColumns, readInteractionText } from '../scorer/compute-columns.js';
import { createTextAnalyzer, stringAnalyzerOf, type TextAnalyzer } from '../conversation/text-analyzer.js';
import { TermMatcher, termReader } from '../text/terms/term-matcher.js';
import type { TermCollector } from '../text/terms/term-collector.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';
import { readText } from '../conversation/read-text.js';
import { CandidateRows } from './learned-terms/candidate-rows.js';
import { RowStore } from './row-store.js';
import type { ColumnOptions, DesignMatrix } from './design-matrix.js';

/** Rows moved at a time by `finish` before their memory is given back. */
const MOVE_ROWS = 16_384;

/**
 * Where the finished matrix takes each column from: a column the builder
 * computed row by row (`source[j] ≥ 0`), or one filled at the end
 * (`source[j] = -1`, by `fillLate`), for features that need the whole data
 * first (a category's levels).
 */
export interface DesignLayout {
  readonly compiled: CompiledModel;
  readonly source: Int32Array;
  readonly fillLate?: (row: number, x: Float64Array, absent: Uint8Array, rowStart: number) => void;
}

/**
 * Builds the design matrix one interaction at a time, as the rows are read:
 * each row's columns go straight into a typed buffer that grows in place
 * (RowStore) and the interaction can be dropped. `finish` lays the rows out as
 * one row-major matrix (in the final columns), shrinking the buffer as it
 * goes, so the peak is the matrix and one stretch of rows.
 */
export class DesignBuilder {
  readonly compiled: CompiledModel;
  private readonly analyze: StringAnalyzer;
  private readonly terms: TokenReader | undefined;
  private collector: TermCollector | undefined;
  private candidates: CandidateRows | undefined;
  private readonly row: Float64Array;
  private readonly values: unknown[];
  private readonly xs = new RowStore((buffer) => new Float64Array(buffer), 8);
  private readonly absents = new RowStore((buffer) => new Uint8Array(buffer), 1);
  private count = 0;

  constructor(model: Model, options: { analyzer?: TextAnalyzer | undefined; collector?: TermCollector | undefined } = {}) {
    this.compiled = compileModel(model);
    this.analyze = stringAnalyzerOf(options.analyzer ?? createTextAnalyzer());
    this.terms = this.compiled.vocabulary === undefined ? undefined : termReader(new TermMatcher(this.compiled.vocabulary));
    this.collector = options.collector;
    this.candidates = options.collector === undefined ? undefined : new CandidateRows();
    this.row = new Float64Array(this.compiled.columns.length);
    this.values = new Array(this.compiled.specs.length);
  }

  get rows(): number {
    return this.count;
  }

  /** Each row's candidate terms so far (with a term collector). */
  get candidateRows(): CandidateRows | undefined {
    return this.candidates;
  }

  /**
   * Appends one interaction's columns (NaN → the reference value, flagged
   * absent, as the scorer treats an absent signal). With a term collector its
   * words are read once, for the columns and the candidate terms together.
   */
  add(interaction: NormalizedInteraction): void {
    const { compiled, row, collector } = this;
    let reading;
    if (collector === undefined) reading = readInteractionText(compiled, this.analyze, interaction, this.terms);
    else {
      collector.begin();
      reading = interaction.text === undefined ? undefined : readText(this.analyze, interaction.text, collector.reader);
      (this.candidates as CandidateRows).push(collector.finish());
    }
    computeColumns(compiled, interaction, reading, row, this.values);
    const cols = row.length;
    this.xs.reserve((this.count + 1) * cols);
    this.absents.reserve((this.count + 1) * cols);
    const x = this.xs.view;
    const absent = this.absents.view;
    const base = this.count * cols;
    const reference = compiled.reference;
    for (let j = 0; j < cols; j++) {
      const v = row[j] as number;
      if (v !== v) {
        x[base + j] = reference[j] as number;
        absent[base + j] = 1;
      } else x[base + j] = v;
    }
    this.count++;
  }

  /** The matrix of every row added (in the builder's own columns, or laid out as `layout` says); the builder is spent after. */
  finish(layout?: DesignLayout): DesignMatrix {
    // A spent builder reads no more words: the collector's table of every term seen can go before the matrix is laid out.
    this.collector = undefined;
    const rows = this.count;
    const from = this.compiled.columns.length;
    const compiled = layout?.compiled ?? this.compiled;
    const cols = compiled.columns.length;
    const source = layout?.source ?? Int32Array.from({ length: cols }, (_, j) => j);
    const x = new Float64Array(rows * cols);
    const absent = new Uint8Array(rows * cols);
    // From the last rows back, giving each stretch's memory back once moved: the peak is one matrix and one stretch.
    for (let end = rows; end > 0; ) {
      const start = Math.max(0, end - MOVE_ROWS);
      const xs = this.xs.view;
      const absents = this.absents.view;
      for (let i = start; i < end; i++) {
        const at = i * from;
        const to = i * cols;
        for (let j = 0; j < cols; j++) {
          const s = source[j] as number;
          if (s >= 0) {
            x[to + j] = xs[at + s] as number;
            absent[to + j] = absents[at + s] as number;
          }
        }
        layout?.fillLate?.(i, x, absent, to);
      }
      this.xs.truncate(start * from);
      this.absents.truncate(start * from);
      end = start;
    }
    const candidates = this.candidates;
    this.candidates = undefined;
    return { compiled, columns: compiled.columns, x, rows, cols, absent, candidates };
  }
}

/**
 * An absent signal (no text, no wait given) contributes nothing when
 * scored: the scorer treats it as sitting at the reference value. Writing
 * the reference value here makes the fitted log-odds intercept + w·x equal
 * the scorer's referenceLogOdds + Σ w·(x − reference) for every row.
 */
export function buildDesignMatrix(model: Model, interactions: readonly NormalizedInteraction[], options: ColumnOptions = {}): DesignMatrix {
  const builder = new DesignBuilder(model, options);
  const rows = interactions.length;
  const step = Math.max(1, Math.floor(rows / 20));
  for (let i = 0; i < rows; i++) {
    builder.add(interactions[i] as NormalizedInteraction);
    if (options.onProgress !== undefined && (i + 1) % step === 0) options.onProgress(i + 1, rows);
  }
  return builder.finish();
}
