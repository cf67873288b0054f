/**
 * A value made on first use and never changed after: the one form of
 * module-level cache library code may hold (the library-rules test allows
 * exactly this class). The maker must be deterministic and the value
 * immutable, so every reader sees the same value whoever asked first, and
 * two scorers can never see different ones; nothing outside can write it.
 * It keeps an expensive table (the built-in lexicon, ~40 ms) out of import.
 */
export class WriteOnce<T> {
  #value: T | undefined;
  #made = false;
  readonly #make: () => T;

  constructor(make: () => T) {
    this.#make = make;
  }

  get(): T {
    if (!this.#made) {
      this.#value = this.#make();
      this.#made = true;
    }
    return this.#value as T;
  }
}
