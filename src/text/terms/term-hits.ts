/**
 * Where learned terms matched in one text (or one transcript's customer
 * turns), as parallel typed arrays: a term hit is three numbers, not an
 * object, so scoring a probability never allocates per hit. Owned by one
 * scorer (or one transcript reading) and reused; evidence objects are made
 * from it only when a factor is explained.
 */
export class TermHits {
  count = 0;
  term: Int32Array = new Int32Array(16);
  start: Int32Array = new Int32Array(16);
  end: Int32Array = new Int32Array(16);

  clear(): void {
    this.count = 0;
  }

  push(term: number, start: number, end: number): void {
    if (this.count === this.term.length) this.grow();
    const i = this.count++;
    this.term[i] = term;
    this.start[i] = start;
    this.end[i] = end;
  }

  /** Appends another text's hits with their offsets moved by `offset` (a later turn in the joined customer text). */
  append(other: TermHits, offset: number): void {
    for (let i = 0; i < other.count; i++) this.push(other.term[i] as number, (other.start[i] as number) + offset, (other.end[i] as number) + offset);
  }

  private grow(): void {
    const size = this.term.length * 2;
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.term = grown(this.term);
    this.start = grown(this.start);
    this.end = grown(this.end);
  }
}
