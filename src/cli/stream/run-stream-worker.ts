import { createClient } from '@redis/client';
import { UsageError, type CliIO } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { loadScorer, ModelHolder } from '../model-holder.js';
import { onProcessSignals } from '../process-signals.js';
import { oneAtATime } from '../one-at-a-time.js';
import { serviceLog } from '../service-log.js';
import type { StreamOptions } from './stream-command.js';
import { StreamConsumer, type StreamClient } from './stream-consumer.js';
import { WRITE_RESULTS } from './write-results-script.js';

/** Connection errors repeat while Redis is away; one line per this many ms is enough. */
const ERROR_LOG_INTERVAL_MS = 5000;

/** `complaint-risk stream`: connects, joins the group, consumes until SIGTERM/SIGINT. */
export async function runStreamWorker(options: StreamOptions, io: CliIO): Promise<number> {
  const log = serviceLog(io, `complaint-risk stream [${options.consumer}]`);
  const holder = new ModelHolder(await loadScorer(options.model), options.model);
  const where = redacted(options.url);
  let client: StreamClient;
  try {
    client = createClient({
      url: options.url,
      scripts: { writeResults: WRITE_RESULTS },
      // While Redis is away: retry, backing off to a try every 3 s; reads and writes wait.
      socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 3000) },
    }) as StreamClient;
  } catch (cause) {
    throw new UsageError(`--url ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  let lastError = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - lastError < ERROR_LOG_INTERVAL_MS) return;
    lastError = Date.now();
    log.error(`redis at ${where}: ${error.message || String(error)}`);
  });

  const reload = oneAtATime(() => holder.reload());
  let stopping = false;
  const dispose = onProcessSignals({
    stop(signal, again) {
      stopping = true;
      if (again || !client.isReady) {
        // Also when Redis is unreachable: nothing in hand can be written anyway, and it stays pending.
        log.info(`${signal}: stopping now; entries read but not answered stay pending for another consumer`);
        client.destroy();
      } else log.info(`${signal}: finishing the batch in hand`);
    },
    reload: () => void reload().then(log.reload),
  });
  const consumer = new StreamConsumer(client, holder, { ...options }, log.error);
  try {
    try {
      await client.connect();
    } catch (cause) {
      if (stopping) return EXIT.ok;
      throw cause;
    }
    try {
      await consumer.ensureGroup();
    } catch (cause) {
      log.error(`cannot consume ${options.input} in group ${options.group}: ${cause instanceof Error ? cause.message : String(cause)}`);
      return EXIT.usage;
    }
    log.info(`consuming ${options.input} in group ${options.group} at ${where} with model ${holder.current.model.id}; results to ${options.output}${options.deadLetter === options.output ? '' : `, errors to ${options.deadLetter}`}`);
    await consumer.run(() => stopping);
    const c = consumer.counts;
    log.info(`stopped: answered ${c.scored + c.invalid} entries (${c.invalid} invalid, ${c.claimed} claimed from other consumers, ${c.skipped} already answered elsewhere)`);
    return EXIT.ok;
  } finally {
    dispose();
    if (client.isOpen) await client.close().catch(() => client.destroy());
  }
}

/** The URL without its password, for logs. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
