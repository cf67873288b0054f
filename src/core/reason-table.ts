import type { Bilingual } from './types.js';

/**
 * Reasons for small integer keys (a count, a wait in seconds or minutes),
 * worded once per compiled feature instead of on every score() call: a
 * template with a number in it costs a number-to-string conversion and two
 * string joins per language, on a path that runs for every factor. Each
 * slot is written once, the first time its key is asked for (`remember`),
 * and never changed, so which call came first cannot change any result.
 * Results still get a fresh {zh, en} object each (see fresh-reason.ts):
 * the table hands out its strings, never its objects.
 */
export class ReasonTable {
  // Empty until keys are kept, and then only as long as the largest key: a model is compiled for every
  // scorer and every live session, and sizing every table up front took more than half of a compile.
  private readonly zh: (string | undefined)[] = [];
  private readonly en: (string | undefined)[] = [];

  constructor(readonly size: number) {}

  /** Whether `key` is an integer the table has room for (0 ≤ key < size). */
  holds(key: number): boolean {
    return key >= 0 && key < this.size && key === Math.floor(key);
  }

  /** A fresh reason for `key` if its words are kept (`key` must be held), else undefined. */
  at(key: number): Bilingual | undefined {
    const zh = this.zh[key];
    return zh === undefined ? undefined : { zh, en: this.en[key] as string };
  }

  /** The kept Chinese words for `key` (held), or undefined when none are kept yet. */
  zhAt(key: number): string | undefined {
    return this.zh[key];
  }

  /** The kept English words for `key` (held and kept). */
  enAt(key: number): string {
    return this.en[key] as string;
  }

  /** Keeps `reason`'s words for `key` (held, not yet kept) and returns a fresh copy of them. */
  remember(key: number, reason: Bilingual): Bilingual {
    this.zh[key] = reason.zh;
    this.en[key] = reason.en;
    return { zh: reason.zh, en: reason.en };
  }
}
