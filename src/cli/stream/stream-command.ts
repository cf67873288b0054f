import { hostname } from 'node:os';
import { writeChunk } from '../write-output.js';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { integerOption } from '../integer-option.js';

export interface StreamOptions {
  url: string;
  input: string;
  output: string;
  deadLetter: string;
  group: string;
  consumer: string;
  batch: number;
  blockMs: number;
  claimIdleMs: number;
  startId: string;
  outputMaxLen: number;
  model: string | undefined;
}

export const STREAM_DEFAULTS = Object.freeze({
  url: 'redis://127.0.0.1:6379',
  input: 'complaint-risk:interactions',
  output: 'complaint-risk:results',
  group: 'complaint-risk',
  batch: 100,
  blockMs: 2000,
  claimIdleMs: 30_000,
  startId: '$',
});

const HELP = `Usage: complaint-risk stream [options]

A Redis Streams consumer-group worker: reads interactions from an input
stream (XREADGROUP), scores them, writes each result to an output stream and
acknowledges the entry (XACK). Start any number of workers, on any number of
machines, against one Redis: each takes its share of the group's entries.

Entries:
  input   XADD <input> * json '<interaction JSON>'   (an "id" key inside the
          JSON, string or number, is echoed back; other fields are ignored)
  output  fields: entry = the input entry id, ok = 1 (result) or 0 (error),
          json = {"entry": ..., "id": ..., <RiskResult fields>} or
                 {"entry": ..., "id": ..., "error": {"message", "issues"}}
  An entry that is not valid JSON, lacks the json field or is not a valid
  interaction is answered with its error (in the output, or --dead-letter)
  and acknowledged: it never blocks the group.

Delivery: at least once, with exactly one result per entry. A result is
written and its entry acknowledged in one atomic script, and only while the
entry is still pending for this consumer; entries of a consumer that died are
claimed by the others (XAUTOCLAIM) after --claim-idle; a restarted consumer
under the same --consumer name first finishes its own pending entries.

Options:
  --url URL           Redis URL (default: $REDIS_URL or ${STREAM_DEFAULTS.url});
                      rediss:// for TLS, redis://user:password@host:port/db
  --input STREAM      input stream (default: ${STREAM_DEFAULTS.input})
  --output STREAM     output stream (default: ${STREAM_DEFAULTS.output})
  --dead-letter STREAM  where invalid entries' errors go (default: --output)
  --group NAME        consumer group, created (with the stream) if missing
                      (default: ${STREAM_DEFAULTS.group})
  --consumer NAME     this worker's name in the group; keep it stable across
                      restarts to resume its own pending entries at once
                      (default: HOST-PID, here ${hostname()}-${process.pid})
  --batch N           entries per read and per write (default: ${STREAM_DEFAULTS.batch})
  --block MS          how long one read waits for new entries (default: ${STREAM_DEFAULTS.blockMs})
  --claim-idle MS     claim entries pending this long with another consumer
                      (default: ${STREAM_DEFAULTS.claimIdleMs}); must exceed the longest pause a
                      live worker may take, or a slow one loses entries to others
                      (harmless: each still gets one result)
  --start-id ID       where a newly created group starts: $ (new entries only,
                      the default) or 0 (everything already in the stream)
  --output-maxlen N   trim the output streams to about N entries (default: 0,
                      no trimming)
  --model FILE        a model JSON file (default: the built-in model)
  -h, --help          this text

Signals: SIGTERM or SIGINT finishes the batch in hand (written and
acknowledged), then exits ${EXIT.ok}; SIGHUP reloads the --model file (a bad file
keeps the model in use). In Redis Cluster, give the streams one hash tag
({risk}:in, {risk}:out) so the write script can touch them together.

Exit code: ${EXIT.ok} after a graceful stop; ${EXIT.usage} for a usage error, an unreadable or
invalid model, or a stream that cannot be used (for example a key of another
type); ${EXIT.internal} for an internal error.`;

export const streamCommand: Command = {
  name: 'stream',
  summary: 'score a Redis stream as a consumer-group worker (at-least-once, one result per entry)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        input: { type: 'string' },
        output: { type: 'string' },
        'dead-letter': { type: 'string' },
        group: { type: 'string' },
        consumer: { type: 'string' },
        batch: { type: 'string' },
        block: { type: 'string' },
        'claim-idle': { type: 'string' },
        'start-id': { type: 'string' },
        'output-maxlen': { type: 'string' },
        model: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`stream takes no FILE arguments (got "${positionals[0]}")`);
    const name = (option: string, value: string | undefined, fallback: string): string => {
      const v = value ?? fallback;
      if (v === '' || v.length > 1000) throw new UsageError(`--${option} must be a non-empty name of at most 1,000 characters`);
      return v;
    };
    const output = name('output', values.output, STREAM_DEFAULTS.output);
    const startId = values['start-id'] ?? STREAM_DEFAULTS.startId;
    if (!/^(\$|\d+(-\d+)?)$/.test(startId)) throw new UsageError(`--start-id must be $, 0 or an entry id such as 1700000000000-0, got "${startId}"`);
    const options: StreamOptions = {
      url: name('url', values.url, process.env.REDIS_URL ?? STREAM_DEFAULTS.url),
      input: name('input', values.input, STREAM_DEFAULTS.input),
      output,
      deadLetter: name('dead-letter', values['dead-letter'], output),
      group: name('group', values.group, STREAM_DEFAULTS.group),
      consumer: name('consumer', values.consumer, `${hostname()}-${process.pid}`),
      batch: integerOption('batch', values.batch, STREAM_DEFAULTS.batch, 1, 10_000),
      blockMs: integerOption('block', values.block, STREAM_DEFAULTS.blockMs, 1, 600_000),
      claimIdleMs: integerOption('claim-idle', values['claim-idle'], STREAM_DEFAULTS.claimIdleMs, 1, 86_400_000),
      startId,
      outputMaxLen: integerOption('output-maxlen', values['output-maxlen'], 0, 0, 1e12),
      model: values.model,
    };
    if (options.input === options.output || options.input === options.deadLetter) throw new UsageError('--input must differ from --output and --dead-letter');
    // The Redis client loads only here, so other commands start as fast as before.
    const { runStreamWorker } = await import('./run-stream-worker.js');
    return runStreamWorker(options, io);
  },
};
