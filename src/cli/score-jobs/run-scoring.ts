import type { Writable } from 'node:stream';
import type { Model } from '../../index.js';
import { UsageError } from '../command.js';
import { writeChunk } from '../write-output.js';
import type { RowInput } from '../batch-input/open-row-items.js';
import type { BatchLimits } from '../batch-input/batches.js';
import type { RowBatch } from '../batch-input/row-batches.js';
import { addTally, createScoreContext, emptyTally, type BatchTally, type ScoreSettings } from '../score-batch/score-context.js';
import { createOutputForm } from '../output-forms/create-form.js';
import { orderedPipeline } from './ordered-pipeline.js';
import { renderBatch } from './render-batch.js';
import type { BatchOutput } from './worker-messages.js';
import type { ScorePool } from './score-pool.js';

/**
 * How table rows are grouped (JSONL goes a chunk of the input at a time):
 * big enough that a hand-off to a worker costs nothing next to the scoring,
 * small enough that output starts at once.
 */
export const BATCH_LIMITS: BatchLimits = { maxItems: 256, maxChars: 1 << 20, maxWaitMs: 50 };
/** Batches in flight per job: keeps every thread busy while the writer waits on stdout, and bounds memory. */
const BATCHES_PER_JOB = 4;
/** Batches a worker holds before this thread scores the next one itself. */
const QUEUED_PER_WORKER = 2;

export interface ScoringRun {
  readonly model: Model;
  readonly settings: ScoreSettings;
  /** Threads that score: this one and `jobs − 1` workers. */
  readonly jobs: number;
  readonly input: RowInput;
  readonly out: Writable;
  /**
   * `out` has handed a chunk to the system when its write calls back (a
   * process's stdout: file, pipe or terminal), so the chunk's buffer may be
   * filled again. Not so for an in-process stream such as a PassThrough,
   * which passes the very buffer on to its reader.
   */
  readonly outCopiesChunks: boolean;
  /** Called after each written batch with the totals so far. */
  readonly onProgress: (tally: BatchTally) => void;
}

/**
 * Scores every row into `out`, in input order, a batch at a time: a chunk of
 * JSONL lines (what one read returned, so a slow pipe's rows are answered as
 * they arrive) or a group of table rows. With N jobs, N − 1 worker threads
 * score batches beside this thread, which reads, writes in order, and
 * scores a batch itself whenever the workers have enough queued. The output
 * is the same bytes for every N. Resolves to the run's totals; rejects only
 * for I/O errors and bugs (a bad row is an output line).
 */
export async function runScoring(run: ScoringRun): Promise<BatchTally> {
  const tally = emptyTally();
  const header = createOutputForm(run.settings.form).header;
  let headerWritten = header === '';
  // The header waits for the first row, so a file refused at its own header prints nothing at all.
  const write = async (chunk: Uint8Array, onWritten: (error?: Error | null) => void): Promise<void> => {
    if (!headerWritten) {
      headerWritten = true;
      await writeChunk(run.out, header);
    }
    await writeChunk(run.out, chunk, onWritten);
  };
  const local = createScoreContext(run.model, run.settings);
  const workers = run.jobs - 1;
  let pool: ScorePool | undefined;
  if (workers > 0) {
    // The pool (and piscina) load only when a run uses it.
    const { createScorePool, scoreWorkerFile } = await import('./score-pool.js');
    const file = scoreWorkerFile();
    if (file === undefined) throw new UsageError('--jobs above 1 needs the built worker script (dist/score-worker.js): run the built complaint-risk');
    pool = createScorePool(file, workers, { model: run.model, settings: run.settings }, QUEUED_PER_WORKER);
  }
  // Output buffers already written out, filled again instead of new ones: a new buffer for every
  // batch (and one moved in from a worker) is external memory that costs the V8 heap a full
  // collection every few batches.
  const written: ArrayBuffer[] = [];
  const recycle = (buffer: ArrayBuffer): void => void (written.length < run.jobs * BATCHES_PER_JOB && written.push(buffer));
  // Input chunk buffers handed back by the workers, for the next chunks.
  const inputs: ArrayBuffer[] = [];
  let queued = 0;
  const work = (batch: RowBatch): Promise<BatchOutput> => {
    if (pool === undefined || queued >= workers * QUEUED_PER_WORKER) return Promise.resolve(renderBatch(local, batch, written.pop()));
    queued++;
    return pool.run(batch, written.pop()).finally(() => queued--);
  };
  try {
    await orderedPipeline(
      run.input.batches(BATCH_LIMITS, (size) => {
        const spare = inputs.pop();
        return spare !== undefined && spare.byteLength >= size ? new Uint8Array(spare, 0, size) : new Uint8Array(size);
      }),
      work,
      async (output) => {
        addTally(tally, output.tally);
        if (output.input !== undefined && inputs.length < run.jobs * BATCHES_PER_JOB) inputs.push(output.input);
        const { bytes } = output;
        await write(bytes, (error) => {
          if (error == null && run.outCopiesChunks) recycle(bytes.buffer as ArrayBuffer);
        });
        run.onProgress(tally);
      },
      run.jobs * BATCHES_PER_JOB,
    );
  } finally {
    await pool?.close();
  }
  if (!headerWritten) await writeChunk(run.out, header);
  return tally;
}
