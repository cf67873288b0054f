import type { BinaryCsr } from '../sparse-problem.js';
import type { CandidateRows } from './candidate-rows.js';

/** The candidate terms a fit may learn, and the training rows as a 0/1 matrix over them. */
export interface CandidateVocabulary {
  /** Candidate terms (folded), by column. */
  readonly terms: readonly string[];
  /** Distinct training records each term occurs in. */
  readonly documents: Int32Array;
  readonly matrix: BinaryCsr;
}

export interface CandidateLimits {
  /** A term must occur in at least this many distinct records: a rarer one could be one customer's words. */
  readonly minDocuments: number;
  /** Most candidates kept (the most frequent) before the fit prunes by weight. */
  readonly maxCandidates: number;
}

/**
 * Keeps the candidates frequent enough to be language rather than one
 * customer's data, at most `maxCandidates` of them (most frequent first;
 * ties by the term, so the choice does not depend on reading order), and
 * renumbers every row's candidates into the kept columns.
 */
export function selectCandidates(names: readonly string[], rows: CandidateRows, limits: CandidateLimits): CandidateVocabulary {
  // Counted from the rows themselves (each row's candidates are distinct), so a subset of rows (a fold) counts only its own.
  const documentFrequency = rows.documentCounts(names.length);
  const frequent: number[] = [];
  for (let id = 0; id < names.length; id++) if ((documentFrequency[id] as number) >= limits.minDocuments) frequent.push(id);
  frequent.sort((a, b) => (documentFrequency[b] as number) - (documentFrequency[a] as number) || ((names[a] as string) < (names[b] as string) ? -1 : 1));
  const kept = frequent.length > limits.maxCandidates ? frequent.slice(0, limits.maxCandidates) : frequent;
  const columnOf = new Int32Array(names.length).fill(-1);
  kept.forEach((id, column) => (columnOf[id] = column));
  return { terms: kept.map((id) => names[id] as string), documents: Int32Array.from(kept, (id) => documentFrequency[id] as number), matrix: rows.toCsr(columnOf, kept.length) };
}

/** The rows with each entry renumbered by `columnOf` and entries mapped to -1 dropped. */
export function keepColumns(rowStart: Int32Array, column: Int32Array, columnOf: Int32Array, columns: number): BinaryCsr {
  const rows = rowStart.length - 1;
  const starts = new Int32Array(rows + 1);
  let size = 0;
  for (let k = 0; k < column.length; k++) if ((columnOf[column[k] as number] as number) >= 0) size++;
  const out = new Int32Array(size);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) {
      const c = columnOf[column[k] as number] as number;
      if (c >= 0) out[at++] = c;
    }
    starts[i + 1] = at;
  }
  return { rowStart: starts, column: out, columns };
}
