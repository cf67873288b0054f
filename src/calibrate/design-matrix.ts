import type { Model } from '../model/model-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { compileModel, type CompiledModel } from '../scorer/compile-model.js';
import { computeColumns, readInteractionText } from '../scorer/compute-columns.js';
import { createTextAnalyzer, stringAnalyzerOf, type TextAnalyzer } from '../conversation/text-analyzer.js';
import { TermMatcher, termReader } from '../text/terms/term-matcher.js';
import type { TermCollector } from '../text/terms/term-collector.js';
import { readText } from '../conversation/read-text.js';
import { CandidateRows } from './learned-terms/candidate-rows.js';

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

/**
 * An absent signal (no text, no wait given) contributes nothing when
 * scored: the scorer treats it as sitting at the reference value. Writing
 * the reference value here makes the fitted log-odds intercept + w·x equal
 * the scorer's referenceLogOdds + Σ w·(x − reference) for every row.
 */
export function buildDesignMatrix(model: Model, interactions: readonly NormalizedInteraction[], options: ColumnOptions = {}): DesignMatrix {
  const compiled = compileModel(model);
  const cols = compiled.columns.length;
  const rows = interactions.length;
  const x = new Float64Array(rows * cols);
  const absent = new Uint8Array(rows * cols);
  const analyze = stringAnalyzerOf(options.analyzer ?? createTextAnalyzer());
  const terms = compiled.vocabulary === undefined ? undefined : termReader(new TermMatcher(compiled.vocabulary));
  const row = new Float64Array(cols);
  const values: unknown[] = new Array(compiled.specs.length);
  const reference = compiled.reference;
  const step = Math.max(1, Math.floor(rows / 20));
  const collector = options.collector;
  const candidates = collector === undefined ? undefined : new CandidateRows(rows);
  for (let i = 0; i < rows; i++) {
    const interaction = interactions[i] as NormalizedInteraction;
    let reading;
    if (collector === undefined) reading = readInteractionText(compiled, analyze, interaction, terms);
    else {
      // The words are read once, for the columns and the candidates together, even when no column reads them.
      collector.begin();
      reading = interaction.text === undefined ? undefined : readText(analyze, interaction.text, collector.reader);
      (candidates as CandidateRows).push(collector.finish());
    }
    computeColumns(compiled, interaction, reading, row, values);
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = row[j] as number;
      if (v !== v) {
        x[base + j] = reference[j] as number;
        absent[base + j] = 1;
      } else x[base + j] = v;
    }
    if (options.onProgress !== undefined && (i + 1) % step === 0) options.onProgress(i + 1, rows);
  }
  return { compiled, columns: compiled.columns, x, rows, cols, absent, candidates };
}
