import { availableParallelism } from 'node:os';
import { writeChunk } from '../write-output.js';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { integerOption } from '../integer-option.js';

export interface ServeOptions {
  model: string | undefined;
  host: string;
  port: number;
  workers: number;
  bodyLimit: number;
  maxBatch: number;
  requestTimeoutMs: number;
  /** The arguments as given, for the cluster workers to parse the same way. */
  args: string[];
}

export const DEFAULTS = Object.freeze({ host: '127.0.0.1', port: 8080, bodyLimit: 1024 * 1024, maxBatch: 1000, requestTimeoutMs: 30_000 });

const HELP = `Usage: complaint-risk serve [options]

Serves the scorer over HTTP (JSON in, JSON out) for other systems: a
contact-centre platform, a CRM, a chat backend in any language.

Routes:
  POST /v1/score     one interaction -> its RiskResult; an array of up to
                     --max-batch interactions -> an array of results in the
                     same order, with {"error": {...}} in place of each invalid
                     item (the batch still answers 200). An "id" key (string
                     or number) is taken off before validation and echoed as
                     the first key of its result. A single invalid interaction
                     answers 400 with {"error": {"message", "issues": [{"path",
                     "code", "message"}]}}.
  POST /v1/analyze   {"text": string or turns} -> the text analysis (sentiment,
                     intent, cues); "id" is echoed too
  GET  /v1/model     the model in use: id, features, bands, when it was loaded
  POST /v1/model     reload the --model file (as SIGHUP does): 200 with the new
                     model, or 422 with the reason and the old model kept
  GET  /healthz      {"status": "ok", "modelId": ...}
  GET  /metrics      Prometheus text: requests by route and status, latency
                     histogram, scores by band, invalid inputs, reloads

Bodies must be application/json (else 415). Bad JSON or a body of the wrong
shape answers 400, a body over --body-limit 413, a request not received
within --request-timeout 408; every error names the path of the problem.

Options:
  --model FILE            a model JSON file (default: the built-in model)
  --host HOST             address to listen on (default: ${DEFAULTS.host}; 0.0.0.0
                          or :: to accept other machines, behind your own
                          authentication: the service has none)
  --port N                port (default: ${DEFAULTS.port}); 0 picks a free one. The
                          address is printed on standard output once every
                          worker listens: "listening on http://HOST:PORT ..."
  --workers N             processes sharing the port (default: the number of
                          cores, here ${availableParallelism()})
  --body-limit BYTES      largest request body (default: ${DEFAULTS.bodyLimit}, 1 MiB)
  --max-batch N           most interactions in one POST /v1/score (default: ${DEFAULTS.maxBatch})
  --request-timeout MS    time a client has to send its whole request
                          (default: ${DEFAULTS.requestTimeoutMs})
  -h, --help              this text

Signals: SIGTERM or SIGINT stops accepting connections, lets requests in
flight finish and exits ${EXIT.ok}; SIGHUP reloads the --model file atomically (a file
that cannot be read or is invalid keeps the model in use; the reason goes to
standard error).

Exit code: ${EXIT.ok} after a graceful shutdown; ${EXIT.usage} for a usage error, an unreadable
or invalid model, or an address that cannot be listened on; ${EXIT.internal} for an
internal error.`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the scorer over HTTP (score, analyze, model, healthz, metrics)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        workers: { type: 'string' },
        'body-limit': { type: 'string' },
        'max-batch': { type: 'string' },
        'request-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`serve takes no FILE arguments (got "${positionals[0]}"); use --model FILE for a model`);
    const host = values.host ?? DEFAULTS.host;
    if (host.trim() === '') throw new UsageError('--host must not be empty');
    const options: ServeOptions = {
      model: values.model,
      host,
      port: integerOption('port', values.port, DEFAULTS.port, 0, 65_535),
      workers: integerOption('workers', values.workers, availableParallelism(), 1, 256),
      bodyLimit: integerOption('body-limit', values['body-limit'], DEFAULTS.bodyLimit, 1024, 1024 * 1024 * 1024),
      maxBatch: integerOption('max-batch', values['max-batch'], DEFAULTS.maxBatch, 1, 1_000_000),
      requestTimeoutMs: integerOption('request-timeout', values['request-timeout'], DEFAULTS.requestTimeoutMs, 100, 3_600_000),
      args,
    };
    // The HTTP framework and metrics load only here, so other commands start as fast as before.
    const { runService } = await import('./run-service.js');
    return runService(options, io);
  },
};
