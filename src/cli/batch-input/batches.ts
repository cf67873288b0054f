export interface BatchLimits {
  /** Items per batch at most. */
  readonly maxItems: number;
  /** Characters per batch at most (a batch of long transcripts closes early); one item may exceed it alone. */
  readonly maxChars: number;
  /** A partly filled batch is sent after this long without enough new items, so a slow pipe still flows. */
  readonly maxWaitMs: number;
}

const WAITED = Symbol('waited');

/**
 * Groups a stream of items into batches, in order, without reading ahead
 * more than one item: the next item is asked for only once the last one is
 * placed, so a consumer that stops pulling stops the reading too.
 */
export async function* batches<T>(source: AsyncIterable<T>, sizeOf: (item: T) => number, limits: BatchLimits): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let batch: T[] = [];
  let chars = 0;
  let timer: NodeJS.Timeout | undefined;
  let deadline: Promise<typeof WAITED> | undefined;
  const close = (): T[] => {
    clearTimeout(timer);
    deadline = undefined;
    const full = batch;
    batch = [];
    chars = 0;
    return full;
  };
  let pending = iterator.next();
  try {
    for (;;) {
      const next = deadline === undefined ? await pending : await Promise.race([pending, deadline]);
      if (next === WAITED) {
        yield close(); // `pending` is still outstanding: the next round awaits the same read
        continue;
      }
      if (next.done === true) break;
      if (batch.length === 0) deadline = new Promise((resolve) => (timer = setTimeout(resolve, limits.maxWaitMs, WAITED)));
      batch.push(next.value);
      chars += sizeOf(next.value);
      if (batch.length >= limits.maxItems || chars >= limits.maxChars) {
        const full = close();
        pending = iterator.next();
        yield full;
      } else pending = iterator.next();
    }
    if (batch.length > 0) yield close();
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
}
