/**
 * Runs `work` on each item of `source` with at most `window` items in flight
 * and hands the results to `sink` in source order, one at a time. The source
 * is read only while fewer than `window` results wait to be written, and a
 * slow sink (stdout back-pressure) holds the writer, so memory is bounded by
 * the window however large the input is or however slow the reader.
 *
 * A failing sink or piece of work stops the reading and rejects with that
 * error; an error from the source rejects after the results of the items
 * before it have been written.
 */
export async function orderedPipeline<T, R>(source: AsyncIterable<T>, work: (item: T) => Promise<R>, sink: (result: R) => Promise<void>, window: number): Promise<void> {
  if (!(window >= 1)) throw new RangeError('window must be at least 1');
  const inFlight: Promise<R>[] = [];
  let wakeWriter: (() => void) | undefined;
  let wakeReader: (() => void) | undefined;
  const wake = (which: 'writer' | 'reader'): void => {
    const resolve = which === 'writer' ? wakeWriter : wakeReader;
    if (which === 'writer') wakeWriter = undefined;
    else wakeReader = undefined;
    resolve?.();
  };
  let sourceDone = false;
  let failed = false;

  const writer = (async (): Promise<void> => {
    try {
      for (;;) {
        const next = inFlight[0];
        if (next === undefined) {
          if (sourceDone) return;
          await new Promise<void>((resolve) => (wakeWriter = resolve));
          continue;
        }
        const result = await next;
        inFlight.shift();
        wake('reader');
        await sink(result);
      }
    } catch (error) {
      failed = true;
      wake('reader');
      throw error;
    }
  })();
  // Until the reader awaits the writer, its rejection is handled here.
  writer.catch(() => undefined);

  let sourceError: { error: unknown } | undefined;
  try {
    for await (const item of source) {
      while (inFlight.length >= window && !failed) await new Promise<void>((resolve) => (wakeReader = resolve));
      if (failed) break;
      const result = work(item);
      result.catch(() => undefined); // observed by the writer, in order
      inFlight.push(result);
      wake('writer');
    }
  } catch (error) {
    sourceError = { error };
  } finally {
    sourceDone = true;
    wake('writer');
  }
  await writer;
  if (sourceError !== undefined) throw sourceError.error;
}
