import type { createClient } from '@redis/client';
import type { ModelHolder } from '../model-holder.js';
import { answerEntry, type StreamEntry } from './stream-entries.js';
import { WRITE_RESULTS, type ResultTarget } from './write-results-script.js';

export type StreamClient = ReturnType<typeof createClient<{}, {}, { writeResults: typeof WRITE_RESULTS }, 2 | 3, {}>>;

export interface ConsumerSettings extends ResultTarget {
  batch: number;
  blockMs: number;
  claimIdleMs: number;
  /** Where the group starts when this worker creates it: "$" (new entries) or an entry id ("0": everything). */
  startId: string;
}

export interface ConsumerCounts {
  scored: number;
  invalid: number;
  /** Entries whose result another consumer (or an earlier try) had already written. */
  skipped: number;
  claimed: number;
}

/** Pause after a failed round trip, doubling up to this. */
const MAX_BACKOFF_MS = 5000;

/**
 * One consumer of the group: first its own pending entries (left by an
 * earlier run under the same name), then new entries, and every half
 * --claim-idle a page of entries left pending too long by others (XAUTOCLAIM).
 * Each batch is scored, then written and acknowledged by one script call.
 * `stopping()` is checked between batches: a batch read is always answered.
 */
export class StreamConsumer {
  readonly counts: ConsumerCounts = { scored: 0, invalid: 0, skipped: 0, claimed: 0 };
  #claimCursor = '0-0';
  #nextClaimAt = 0;
  #recoverOwn = true;

  constructor(
    private readonly client: StreamClient,
    private readonly holder: ModelHolder,
    private readonly settings: ConsumerSettings,
    private readonly onError: (message: string) => void,
  ) {}

  /** Creates the group (and the stream) unless they exist. */
  async ensureGroup(): Promise<void> {
    try {
      await this.client.xGroupCreate(this.settings.input, this.settings.group, this.settings.startId, { MKSTREAM: true });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
  }

  async run(stopping: () => boolean): Promise<void> {
    let backoff = 100;
    while (!stopping()) {
      try {
        await this.step();
        backoff = 100;
      } catch (error) {
        if (stopping()) break;
        this.onError(`${error instanceof Error ? error.message : String(error)}; retrying in ${backoff} ms`);
        // Whatever was read before the failure is still pending for us: read it again first.
        this.#recoverOwn = true;
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** One round trip's worth of work. */
  async step(): Promise<void> {
    const { input, group, consumer, batch, blockMs } = this.settings;
    if (this.#recoverOwn) {
      // Own pending entries, oldest first ("0" = this consumer's history, not new entries).
      const own = await this.client.xReadGroup(group, consumer, { key: input, id: '0' }, { COUNT: batch });
      const entries = entriesOf(own);
      if (entries.length === 0) this.#recoverOwn = false;
      else await this.answer(entries);
      return;
    }
    if (Date.now() >= this.#nextClaimAt) {
      const page = await this.client.xAutoClaim(input, group, consumer, this.settings.claimIdleMs, this.#claimCursor, { COUNT: batch });
      const claimed = page.messages.flatMap((m) => (m === null ? [] : [{ id: m.id, fields: m.message as Record<string, string> | null }]));
      this.counts.claimed += claimed.length;
      if (claimed.length > 0) await this.answer(claimed);
      this.#claimCursor = page.nextId;
      if (page.nextId === '0-0') this.#nextClaimAt = Date.now() + Math.max(50, Math.floor(this.settings.claimIdleMs / 2));
      return;
    }
    const fresh = await this.client.xReadGroup(group, consumer, { key: input, id: '>' }, { COUNT: batch, BLOCK: blockMs });
    const entries = entriesOf(fresh);
    if (entries.length > 0) await this.answer(entries);
  }

  async answer(entries: readonly StreamEntry[]): Promise<void> {
    const { scorer } = this.holder.current; // one model per batch, even if a reload lands meanwhile
    const results = entries.map((entry) => answerEntry(scorer, entry));
    const written = await this.client.writeResults(this.settings, results);
    this.counts.skipped += results.length - written;
    for (const r of results) {
      if (r.ok) this.counts.scored++;
      else this.counts.invalid++;
    }
  }
}

type ReadReply = Awaited<ReturnType<StreamClient['xReadGroup']>>;

function entriesOf(reply: ReadReply): StreamEntry[] {
  if (reply === null || !Array.isArray(reply)) return [];
  return (reply as Array<{ messages: Array<{ id: string; message: Record<string, string> | null }> }>).flatMap((stream) =>
    stream.messages.map((m) => ({ id: m.id, fields: m.message })),
  );
}
