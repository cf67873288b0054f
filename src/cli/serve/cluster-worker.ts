import { AggregatorRegistry } from 'prom-client';
import { defaultModel } from '../../index.js';
import type { CliIO } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { BUILT_IN, fromModel, ModelHolder, type LoadedModel } from '../model-holder.js';
import { onProcessSignals } from '../process-signals.js';
import type { ServeOptions } from './serve-command.js';
import { buildServiceApp } from './service-app.js';
import { ServiceMetrics } from './service-metrics.js';
import { closeGracefully, listen } from './service-lifecycle.js';
import { serviceLog } from '../service-log.js';
import { PrimaryChannel, type ModelMessage } from './cluster-messages.js';

const ASK_TIMEOUT_MS = { hello: 30_000, reload: 60_000, metrics: 10_000 };

/**
 * One of `serve --workers N`'s processes. The model comes from the primary
 * (which read and validated the file once), so every worker scores with the
 * same model, and a reload switches them all; /metrics and POST /v1/model
 * are answered by asking the primary.
 */
export async function runClusterWorker(options: ServeOptions, io: CliIO): Promise<number> {
  const log = serviceLog(io, `complaint-risk serve [worker ${process.pid}]`);
  const channel = new PrimaryChannel();
  const hello = await channel.ask('cr:hello', ASK_TIMEOUT_MS.hello);
  if (!('model' in hello)) throw new Error('the primary sent no model');
  const holder = new ModelHolder(loaded(hello.model), options.model);
  const metrics = new ServiceMetrics(holder.current.model.id);
  // Answer the primary's prom-client requests with this worker's registry.
  AggregatorRegistry.setRegistries([metrics.registry]);
  new AggregatorRegistry();

  channel.on('cr:reloaded', ({ reloadId, outcome, model }) => {
    if (outcome.ok && model !== undefined) holder.replace(loaded(model));
    metrics.reloaded(outcome.ok, outcome.modelId);
    channel.send({ type: 'cr:switched', reloadId });
  });
  const app = buildServiceApp({
    control: {
      current: () => holder.current,
      async reload() {
        const reply = await channel.ask('cr:reload', ASK_TIMEOUT_MS.reload);
        if (!('outcome' in reply)) throw new Error('the primary sent no reload outcome');
        return reply.outcome;
      },
      async metricsText() {
        const reply = await channel.ask('cr:metrics', ASK_TIMEOUT_MS.metrics);
        if (!('text' in reply)) throw new Error('the primary sent no metrics');
        return reply.text;
      },
    },
    metrics,
    limits: options,
    logError: log.error,
  });

  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  channel.on('cr:shutdown', () => stop());
  // A signal sent to the whole process group (Ctrl-C) reaches workers too: same graceful stop.
  // SIGHUP is the primary's to handle; here it must only not kill the worker.
  const dispose = onProcessSignals({ stop: (_signal, again) => (again ? app.server.closeAllConnections() : stop()), reload: () => undefined });
  try {
    let port: number;
    try {
      port = await listen(app, options);
    } catch (cause) {
      channel.send({ type: 'cr:failed', message: cause instanceof Error ? cause.message : String(cause) });
      return EXIT.usage;
    }
    channel.send({ type: 'cr:listening', port });
    await stopped;
    await closeGracefully(app, options.requestTimeoutMs);
    return EXIT.ok;
  } finally {
    dispose();
    await app.close();
    // The IPC channel would keep the process alive.
    process.disconnect?.();
  }
}

function loaded(message: ModelMessage): LoadedModel {
  // The built-in model is trusted as is; any other is validated again as createScorer does.
  return fromModel(message.source === BUILT_IN ? defaultModel : message.model, message.source, message.loadedAt);
}
