import cluster, { type Worker } from 'node:cluster';
import { writeMessage } from '../write-output.js';
import { AggregatorRegistry } from 'prom-client';
import type { CliIO } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { loadScorer, ModelHolder, type LoadedModel, type ReloadOutcome } from '../model-holder.js';
import { onProcessSignals } from '../process-signals.js';
import { oneAtATime } from '../one-at-a-time.js';
import type { ServeOptions } from './serve-command.js';
import { listeningLine } from './service-lifecycle.js';
import { serviceLog } from '../service-log.js';
import { isServeMessage, WORKER_ENV, type ModelMessage, type PrimaryMessage, type WorkerMessage } from './cluster-messages.js';

/** A worker that keeps crashing is a bug, not bad luck: after this many crashes in a minute, stop. */
const MAX_CRASHES_PER_MINUTE = 5;
/** A worker that has not switched models by then is busy or stuck; the reload is answered anyway. */
const SWITCH_TIMEOUT_MS = 5000;

/**
 * `serve --workers N` (N > 1): forks N workers that share the listening
 * socket (node:cluster), reads and validates the model once and hands it to
 * each, reloads it for all of them on SIGHUP or a worker's POST /v1/model,
 * sums their metrics for /metrics, restarts a worker that crashes, and on
 * SIGTERM/SIGINT tells each to finish its requests in flight and waits.
 */
export async function runClusterPrimary(options: ServeOptions, io: CliIO): Promise<number> {
  const log = serviceLog(io, 'complaint-risk serve');
  const holder = new ModelHolder(await loadScorer(options.model), options.model); // a bad model fails before any fork
  const aggregator = new AggregatorRegistry();
  // Workers run the same CLI with the same arguments; the environment tells them they are workers.
  cluster.setupPrimary({ exec: process.argv[1] as string, args: ['serve', ...options.args] });

  return new Promise<number>((resolve) => {
    let phase: 'starting' | 'running' | 'stopping' = 'starting';
    let exitCode: number = EXIT.ok;
    const live = new Set<Worker>();
    const ports = new Map<Worker, number>();
    const crashes: number[] = [];
    let killTimer: NodeJS.Timeout | undefined;
    const reloadFile = oneAtATime(() => holder.reload()); // SIGHUP and POST /v1/model may arrive together

    // A worker that is exiting may close its channel between the check and the write: that send is moot.
    const send = (worker: Worker, message: PrimaryMessage): void => {
      if (worker.isConnected()) worker.send(message, undefined, () => undefined);
    };
    const fork = (): void => {
      const worker = cluster.fork({ [WORKER_ENV]: '1' });
      worker.on('error', () => undefined); // the same late-channel errors; its exit is what counts
      live.add(worker);
    };

    // Reloads whose workers have not all switched yet: the answer waits for them.
    const switching = new Map<number, { waiting: Set<Worker>; done: () => void }>();
    let nextReloadId = 0;

    async function reload(): Promise<ReloadOutcome> {
      const outcome = await reloadFile();
      const reloadId = nextReloadId++;
      const broadcast: PrimaryMessage = { type: 'cr:reloaded', reloadId, outcome, ...(outcome.ok ? { model: modelMessage(holder.current) } : {}) };
      const waiting = new Set([...live].filter((worker) => worker.isConnected()));
      // Once this resolves, no worker scores with the old model any more.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => done(), SWITCH_TIMEOUT_MS);
        const done = (): void => {
          clearTimeout(timer);
          switching.delete(reloadId);
          resolve();
        };
        switching.set(reloadId, { waiting, done });
        for (const worker of waiting) send(worker, broadcast);
        if (waiting.size === 0) done();
      });
      log.reload(outcome);
      return outcome;
    }

    const switched = (reloadId: number, worker: Worker): void => {
      const pending = switching.get(reloadId);
      if (pending === undefined) return;
      pending.waiting.delete(worker);
      if (pending.waiting.size === 0) pending.done();
    };

    function stopAll(why: string, code: number): void {
      if (phase === 'stopping') return;
      phase = 'stopping';
      exitCode = code;
      log.info(`${why}: workers stop accepting connections and finish the requests in flight`);
      for (const worker of live) send(worker, { type: 'cr:shutdown' });
      killTimer = setTimeout(() => {
        for (const worker of live) worker.process.kill('SIGKILL');
      }, options.requestTimeoutMs + 10_000);
      if (live.size === 0) finish();
    }

    function finish(): void {
      clearTimeout(killTimer);
      cluster.off('message', onMessage);
      cluster.off('exit', onExit);
      dispose();
      if (exitCode === EXIT.ok) log.info('stopped');
      resolve(exitCode);
    }

    function onMessage(worker: Worker, message: unknown): void {
      if (!isServeMessage(message)) return;
      const m = message as WorkerMessage;
      switch (m.type) {
        case 'cr:hello':
          return send(worker, { type: 'cr:reply', requestId: m.requestId, model: modelMessage(holder.current) });
        case 'cr:reload':
          void reload().then((outcome) => send(worker, { type: 'cr:reply', requestId: m.requestId, outcome }));
          return;
        case 'cr:metrics':
          aggregator.clusterMetrics().then(
            (text) => send(worker, { type: 'cr:reply', requestId: m.requestId, text }),
            (error: unknown) => send(worker, { type: 'cr:reply', requestId: m.requestId, error: String(error) }),
          );
          return;
        case 'cr:switched':
          return switched(m.reloadId, worker);
        case 'cr:failed':
          log.error(`a worker could not listen on ${options.host}:${options.port}: ${m.message}`);
          return stopAll('start-up failed', EXIT.usage);
        case 'cr:listening':
          ports.set(worker, m.port);
          if (phase === 'stopping') return send(worker, { type: 'cr:shutdown' }); // it missed the first one
          if (phase === 'starting' && ports.size === options.workers) {
            phase = 'running';
            writeMessage(io.stdout, listeningLine(options.host, m.port, options.workers, holder.current.model.id));
          }
      }
    }

    function onExit(worker: Worker, code: number | null, signal: string | null): void {
      live.delete(worker);
      ports.delete(worker);
      for (const reloadId of [...switching.keys()]) switched(reloadId, worker);
      if (phase === 'stopping') {
        if (live.size === 0) finish();
        return;
      }
      const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
      if (phase === 'starting') {
        log.error(`worker ${worker.process.pid} ended during start-up (${how})`);
        return stopAll('start-up failed', code === EXIT.usage ? EXIT.usage : EXIT.internal);
      }
      if (code === 0 && signal === null) {
        // Stopped on purpose (a signal sent to it alone): not replaced.
        log.info(`worker ${worker.process.pid} stopped; ${live.size} left`);
        if (live.size === 0) stopAll('no workers left', EXIT.ok);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && (crashes[0] as number) < now - 60_000) crashes.shift();
      if (crashes.length > MAX_CRASHES_PER_MINUTE) {
        log.error(`worker ${worker.process.pid} died (${how}); ${crashes.length} crashes within a minute, giving up`);
        return stopAll('too many worker crashes', EXIT.internal);
      }
      log.error(`worker ${worker.process.pid} died (${how}); starting a new one`);
      fork();
    }

    cluster.on('message', onMessage);
    cluster.on('exit', onExit);
    const dispose = onProcessSignals({
      stop: (signal, again) => {
        if (!again) return stopAll(signal, EXIT.ok);
        log.info(`${signal} again: stopping now`);
        for (const worker of live) worker.process.kill('SIGKILL');
      },
      reload: () => void reload(),
    });
    for (let i = 0; i < options.workers; i++) fork();
  });
}

function modelMessage(loaded: LoadedModel): ModelMessage {
  return { model: loaded.model, source: loaded.source, loadedAt: loaded.loadedAt };
}
