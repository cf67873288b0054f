import type { CompiledModel } from '../scorer/compile-model.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import type { TermCollector } from '../text/terms/term-collector.js';
import type { CandidateRows } from './learned-terms/candidate-rows.js';

/** The model's columns for many interactions, row-major, exactly as the scorer computes them. */
export interface DesignMatrix {
  readonly compiled: CompiledModel;
  readonly columns: readonly string[];
  readonly x: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** 1 where the signal was absent and the reference value stands in (the scorer does the same). */
  readonly absent: Uint8Array;
  /** With a term collector: each row's candidate terms (the collector's numbers), read in the same pass as the columns. */
  readonly candidates: CandidateRows | undefined;
}

export interface ColumnOptions {
  /** The analyzer the scorer will use (custom lexicon): text columns must be read the same way. */
  analyzer?: TextAnalyzer;
  onProgress?: (done: number, total: number) => void;
  /** Collects every row's candidate learned terms while its words are read for the columns. */
  collector?: TermCollector;
}
