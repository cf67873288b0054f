import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CandidateRows } from '../../src/calibrate/learned-terms/candidate-rows.js';
import { selectCandidates } from '../../src/calibrate/learned-terms/select-candidates.js';

const NAMES = 40;
/** Rows of distinct candidate numbers, ascending, as the term collector hands them over. */
const rowsArbitrary = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: NAMES - 1 }), { maxLength: 12 }).map((ids) => Int32Array.from(ids).sort()), { maxLength: 60 });

/** Blocks of 8 numbers, so rows straddle block boundaries. */
function stored(rows: readonly Int32Array[]): CandidateRows {
  const out = new CandidateRows(3);
  for (const ids of rows) out.push(ids);
  return out;
}

describe('candidate rows', () => {
  it('count each candidate’s rows and renumber them exactly, across blocks', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.array(fc.integer({ min: -1, max: 9 }), { minLength: NAMES, maxLength: NAMES }), (rows, mapping) => {
        const columnOf = Int32Array.from(mapping);
        const candidates = stored(rows);
        const counts = new Int32Array(NAMES);
        for (const ids of rows) for (const id of ids) counts[id] = (counts[id] as number) + 1;
        expect(candidates.documentCounts(NAMES)).toEqual(counts);
        const csr = candidates.toCsr(columnOf, 10);
        rows.forEach((ids, i) => {
          const expected = [...ids].map((id) => columnOf[id] as number).filter((c) => c >= 0);
          expect([...csr.column.subarray(csr.rowStart[i], csr.rowStart[i + 1])]).toEqual(expected);
        });
        expect(csr.rowStart.length).toBe(rows.length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('the vocabulary keeps only candidates in at least minDocuments rows, with their exact counts and every occurrence', () => {
    const names = Array.from({ length: NAMES }, (_, id) => `t${id}`);
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: NAMES }), (rows, minDocuments, maxCandidates) => {
        const vocabulary = selectCandidates(names, stored(rows), { minDocuments, maxCandidates });
        expect(vocabulary.terms.length).toBeLessThanOrEqual(maxCandidates);
        vocabulary.terms.forEach((term, column) => {
          const id = names.indexOf(term);
          const containing = rows.flatMap((ids, i) => (ids.includes(id) ? [i] : []));
          expect(containing.length).toBeGreaterThanOrEqual(minDocuments);
          expect(vocabulary.documents[column]).toBe(containing.length);
          const { rowStart, column: columns } = vocabulary.matrix;
          const withColumn = rows.flatMap((_, i) => ([...columns.subarray(rowStart[i], rowStart[i + 1])].includes(column) ? [i] : []));
          expect(withColumn).toEqual(containing);
        });
      }),
      { numRuns: 200 },
    );
  });
});
