import type { ModelHolder, ReloadOutcome } from '../model-holder.js';
import type { ServiceLog } from '../service-log.js';
import type { ServiceControl } from './service-app.js';
import type { ServiceMetrics } from './service-metrics.js';

/** The service's control when one process does everything: its own model, its own metrics. */
export function localControl(holder: ModelHolder, metrics: ServiceMetrics, log: Pick<ServiceLog, 'reload'>): ServiceControl {
  let reloading: Promise<unknown> = Promise.resolve();
  return {
    current: () => holder.current,
    async reload(): Promise<ReloadOutcome> {
      // One reload at a time: SIGHUP and POST /v1/model arriving together must not interleave.
      const run = reloading.then(() => holder.reload());
      reloading = run;
      const outcome = await run;
      metrics.reloaded(outcome.ok, outcome.modelId);
      log.reload(outcome);
      return outcome;
    },
    metricsText: () => metrics.registry.metrics(),
  };
}
