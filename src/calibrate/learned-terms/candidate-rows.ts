import type { BinaryCsr } from '../sparse-problem.js';
import { doubled } from '../../core/growing-arrays.js';

/**
 * Each training row's candidate terms as one growing compressed-row array:
 * a row is a slice of one Int32Array, not an array object of its own, so a
 * million rows cost their numbers and no more. The numbers are kept in
 * blocks of a fixed size, so growing never copies (nor briefly doubles) what
 * is already stored.
 */
export class CandidateRows {
  private starts: Int32Array = new Int32Array(1024);
  private readonly blocks: Int32Array[] = [];
  private size = 0;
  private row = 0;
  private readonly blockSize: number;
  private readonly mask: number;

  /** `bits`: log₂ of the block size (2²⁰ numbers, 4 MB; smaller in tests, to cross block boundaries). */
  constructor(private readonly bits = 20) {
    this.blockSize = 1 << bits;
    this.mask = this.blockSize - 1;
  }

  /** Appends the next row's candidates (distinct). */
  push(ids: Int32Array): void {
    if (this.row + 2 > this.starts.length) this.starts = doubled(this.starts);
    for (let k = 0; k < ids.length; k++) {
      const at = this.size + k;
      const block = at >>> this.bits;
      if (block === this.blocks.length) this.blocks.push(new Int32Array(this.blockSize));
      (this.blocks[block] as Int32Array)[at & this.mask] = ids[k] as number;
    }
    this.size += ids.length;
    this.starts[++this.row] = this.size;
  }

  get rows(): number {
    return this.row;
  }

  /** Offsets of each row's slice (rows + 1 of them). */
  get rowStart(): Int32Array {
    return this.starts.subarray(0, this.row + 1);
  }

  /** The k-th candidate number of all rows together. */
  at(k: number): number {
    return (this.blocks[k >>> this.bits] as Int32Array)[k & this.mask] as number;
  }

  /** How many candidate numbers are stored. */
  get length(): number {
    return this.size;
  }

  /**
   * Renumbers every candidate by `columnOf` and drops those mapped to -1,
   * in place (an entry only ever moves towards the front), so rare
   * candidates cost nothing once counted.
   */
  compact(columnOf: Int32Array): void {
    let to = 0;
    let from = 0;
    for (let i = 0; i < this.row; i++) {
      const end = this.starts[i + 1] as number;
      for (; from < end; from++) {
        const c = columnOf[this.at(from)] as number;
        if (c < 0) continue;
        (this.blocks[to >>> this.bits] as Int32Array)[to & this.mask] = c;
        to++;
      }
      this.starts[i + 1] = to;
    }
    this.size = to;
    this.blocks.length = Math.ceil(to / this.blockSize);
  }

  /** How many rows each candidate number occurs in (a row lists each once), for numbers 0 … size − 1. */
  documentCounts(size: number): Int32Array {
    const counts = new Int32Array(size);
    this.eachBlock((block, end) => {
      for (let k = 0; k < end; k++) {
        const id = block[k] as number;
        counts[id] = (counts[id] as number) + 1;
      }
    });
    return counts;
  }

  /** The rows as a 0/1 matrix: each number renumbered by `columnOf`, those mapped to -1 dropped. */
  toCsr(columnOf: Int32Array, columns: number): BinaryCsr {
    let size = 0;
    this.eachBlock((block, end) => {
      for (let k = 0; k < end; k++) if ((columnOf[block[k] as number] as number) >= 0) size++;
    });
    const column = new Int32Array(size);
    const rowStart = new Int32Array(this.row + 1);
    let from = 0;
    let to = 0;
    for (let i = 0; i < this.row; i++) {
      const end = this.starts[i + 1] as number;
      while (from < end) {
        // The rest of this row within the current block, read straight from it.
        const block = this.blocks[from >>> this.bits] as Int32Array;
        const stop = Math.min(end, ((from >>> this.bits) + 1) << this.bits);
        for (let k = from & this.mask, last = k + stop - from; k < last; k++) {
          const c = columnOf[block[k] as number] as number;
          if (c >= 0) column[to++] = c;
        }
        from = stop;
      }
      rowStart[i + 1] = to;
    }
    return { rowStart, column, columns };
  }

  /** Each block with how many of its numbers are in use. */
  private eachBlock(visit: (block: Int32Array, end: number) => void): void {
    this.blocks.forEach((block, b) => visit(block, Math.min(this.blockSize, this.size - b * this.blockSize)));
  }

  /** Lets go of every stored number (a fit that needs them no more); the rows cannot be read after. */
  release(): void {
    this.blocks.length = 0;
    this.size = 0;
    this.released = true;
  }

  private released = false;

  /** The rows restricted to `rows` (ascending), as a new set of rows. */
  subset(rows: Int32Array): CandidateRows {
    if (this.released) throw new RangeError('the candidate terms of these rows were released after fitting (fitDesign releaseCandidates): build the data again to cross-validate');
    const out = new CandidateRows(this.bits);
    for (const i of rows) {
      const ids = new Int32Array((this.starts[i + 1] as number) - (this.starts[i] as number));
      for (let k = 0; k < ids.length; k++) ids[k] = this.at((this.starts[i] as number) + k);
      out.push(ids);
    }
    return out;
  }
}

