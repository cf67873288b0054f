import cluster from 'node:cluster';
import { writeMessage } from '../write-output.js';
import type { CliIO } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { loadScorer, ModelHolder } from '../model-holder.js';
import { onProcessSignals, type StopSignal } from '../process-signals.js';
import type { ServeOptions } from './serve-command.js';
import { buildServiceApp } from './service-app.js';
import { ServiceMetrics } from './service-metrics.js';
import { closeGracefully, listen, listeningLine } from './service-lifecycle.js';
import { serviceLog } from '../service-log.js';
import { WORKER_ENV } from './cluster-messages.js';
import { localControl } from './local-control.js';
import { runClusterPrimary } from './cluster-primary.js';
import { runClusterWorker } from './cluster-worker.js';

/** `serve` in this process: a cluster worker, the primary of several, or the one process doing it all. */
export async function runService(options: ServeOptions, io: CliIO): Promise<number> {
  if (cluster.isWorker && process.env[WORKER_ENV] === '1') return runClusterWorker(options, io);
  if (options.workers > 1) return runClusterPrimary(options, io);
  return runSingleProcess(options, io);
}

async function runSingleProcess(options: ServeOptions, io: CliIO): Promise<number> {
  const log = serviceLog(io, 'complaint-risk serve');
  const holder = new ModelHolder(await loadScorer(options.model), options.model);
  const metrics = new ServiceMetrics(holder.current.model.id);
  const control = localControl(holder, metrics, log);
  const app = buildServiceApp({ control, metrics, limits: options, logError: log.error });
  let stopRequested: (signal: StopSignal) => void = () => undefined;
  const stopped = new Promise<StopSignal>((resolve) => (stopRequested = resolve));
  const dispose = onProcessSignals({
    stop: (signal, again) => (again ? app.server.closeAllConnections() : stopRequested(signal)),
    reload: () => void control.reload(),
  });
  try {
    const port = await listen(app, options);
    writeMessage(io.stdout, listeningLine(options.host, port, 1, holder.current.model.id));
    const signal = await stopped;
    log.info(`${signal}: no longer accepting connections; finishing the requests in flight`);
    await closeGracefully(app, options.requestTimeoutMs);
    log.info('stopped');
    return EXIT.ok;
  } finally {
    dispose();
    await app.close();
  }
}
