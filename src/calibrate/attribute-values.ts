import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { hasOwn } from '../core/own-properties.js';
import { GrowingFloat64, GrowingInt32 } from '../core/growing-arrays.js';

type AttributeValue = number | boolean | string;

const ABSENT = -1;
const NUMBER = -2;

/**
 * One attribute's value on every row, kept compactly while the rows stream
 * past (a number as itself, text and flags as a code into the distinct values
 * seen), so a feature that needs the whole data first (a category's levels,
 * a type guessed from the values) can be settled, and its columns filled,
 * after the last row.
 */
export class AttributeValues {
  private readonly codes = new GrowingInt32();
  private readonly numbers = new GrowingFloat64();
  private readonly distinct: AttributeValue[] = [];
  private readonly codeOf = new Map<AttributeValue, number>();
  /** The types of value seen (typeof). */
  readonly types = new Set<'number' | 'boolean' | 'string'>();

  constructor(readonly name: string) {}

  add(interaction: NormalizedInteraction): void {
    const attrs = interaction.attributes;
    const value = attrs !== undefined && hasOwn(attrs, this.name) ? (attrs[this.name] as AttributeValue | undefined) : undefined;
    if (value === undefined) {
      this.codes.push(ABSENT);
      this.numbers.push(NaN);
      return;
    }
    this.types.add(typeof value as 'number' | 'boolean' | 'string');
    if (typeof value === 'number') {
      this.codes.push(NUMBER);
      this.numbers.push(value);
      return;
    }
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.distinct.length;
      this.distinct.push(value);
      this.codeOf.set(value, code);
    }
    this.codes.push(code);
    this.numbers.push(NaN);
  }

  /**
   * Row i as an interaction holding only this attribute (what an attribute
   * feature reads); rows with the same text or flag share one object.
   */
  interactionOf(row: number): NormalizedInteraction {
    const code = this.codes.get(row);
    if (code === ABSENT) return EMPTY;
    if (code === NUMBER) return { channel: 'other', attributes: { [this.name]: this.numbersAt(row) } } as unknown as NormalizedInteraction;
    let shared = this.shared[code];
    if (shared === undefined) {
      shared = { channel: 'other', attributes: { [this.name]: this.distinct[code] as AttributeValue } } as unknown as NormalizedInteraction;
      this.shared[code] = shared;
    }
    return shared;
  }

  /** Every row as `interactionOf` gives it (one pointer a row; the objects are shared but for numbers). */
  interactions(): NormalizedInteraction[] {
    return Array.from({ length: this.codes.length }, (_, i) => this.interactionOf(i));
  }

  private readonly shared: (NormalizedInteraction | undefined)[] = [];
  private numbersCache: Float64Array | undefined;

  private numbersAt(row: number): number {
    this.numbersCache ??= this.numbers.toArray();
    return this.numbersCache[row] as number;
  }
}

const EMPTY = Object.freeze({ channel: 'other' }) as unknown as NormalizedInteraction;
