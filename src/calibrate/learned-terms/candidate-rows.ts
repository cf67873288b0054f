/**
 * Each training row's candidate terms as one growing compressed-row array:
 * a row is a slice of one Int32Array, not an array object of its own, so a
 * million rows cost their numbers and no more.
 */
export class CandidateRows {
  private readonly starts: Int32Array;
  private ids: Int32Array = new Int32Array(1024);
  private size = 0;
  private row = 0;

  constructor(rows: number) {
    this.starts = new Int32Array(rows + 1);
  }

  /** Appends the next row's candidates (distinct). */
  push(ids: Int32Array): void {
    if (this.size + ids.length > this.ids.length) {
      let capacity = this.ids.length * 2;
      while (capacity < this.size + ids.length) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.ids.subarray(0, this.size));
      this.ids = grown;
    }
    this.ids.set(ids, this.size);
    this.size += ids.length;
    this.starts[++this.row] = this.size;
  }

  get rows(): number {
    return this.row;
  }

  /** Offsets of each row's slice (rows + 1 of them) and the candidate numbers. */
  get rowStart(): Int32Array {
    return this.starts;
  }

  get column(): Int32Array {
    return this.ids.subarray(0, this.size);
  }
}
