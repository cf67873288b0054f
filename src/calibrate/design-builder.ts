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
import type { ColumnOptions, DesignMatrix } from './design-matrix.js';

/** Rows per stored block: a block is a few hundred kilobytes, so growing never copies what is already built. */
const BLOCK_ROWS = 8_192;

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
 * each row's columns go straight into typed blocks and the interaction can be
 * dropped. `finish` lays the blocks out as one row-major matrix (block by
 * block, each released once copied), so the peak is the matrix and one block.
 */
export class DesignBuilder {
  readonly compiled: CompiledModel;
  private readonly analyze: StringAnalyzer;
  private readonly terms: TokenReader | undefined;
  private collector: TermCollector | undefined;
  private candidates: CandidateRows | undefined;
  private readonly row: Float64Array;
  private readonly values: unknown[];
  private blocks: (Float64Array | undefined)[] = [];
  private absentBlocks: (Uint8Array | undefined)[] = [];
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
    const block = Math.floor(this.count / BLOCK_ROWS);
    if (block === this.blocks.length) {
      this.blocks.push(new Float64Array(BLOCK_ROWS * cols));
      this.absentBlocks.push(new Uint8Array(BLOCK_ROWS * cols));
    }
    const x = this.blocks[block] as Float64Array;
    const absent = this.absentBlocks[block] as Uint8Array;
    const base = (this.count - block * BLOCK_ROWS) * cols;
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
    const rows = this.count;
    const from = this.compiled.columns.length;
    const compiled = layout?.compiled ?? this.compiled;
    const cols = compiled.columns.length;
    const source = layout?.source ?? Int32Array.from({ length: cols }, (_, j) => j);
    const x = new Float64Array(rows * cols);
    const absent = new Uint8Array(rows * cols);
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b] as Float64Array;
      const absentBlock = this.absentBlocks[b] as Uint8Array;
      const first = b * BLOCK_ROWS;
      const last = Math.min(rows, first + BLOCK_ROWS);
      for (let i = first; i < last; i++) {
        const at = (i - first) * from;
        const to = i * cols;
        for (let j = 0; j < cols; j++) {
          const s = source[j] as number;
          if (s >= 0) {
            x[to + j] = block[at + s] as number;
            absent[to + j] = absentBlock[at + s] as number;
          }
        }
        layout?.fillLate?.(i, x, absent, to);
      }
      // Released as soon as copied: the peak stays one matrix and one block.
      this.blocks[b] = undefined;
      this.absentBlocks[b] = undefined;
    }
    const candidates = this.candidates;
    // A spent builder holds nothing: the collector's table of every term seen can go.
    this.collector = undefined;
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
