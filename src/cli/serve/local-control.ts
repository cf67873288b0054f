import type { ModelHolder, ReloadOutcome } from '../model-holder.js';
import type { ServiceLog } from '../service-log.js';
import { oneAtATime } from '../one-at-a-time.js';
import type { ServiceControl } from './service-app.js';
import type { ServiceMetrics } from './service-metrics.js';

/** The service's control when one process does everything: its own model, its own metrics. */
export function localControl(holder: ModelHolder, metrics: ServiceMetrics, log: Pick<ServiceLog, 'reload'>): ServiceControl {
  // One reload at a time: SIGHUP and POST /v1/model arriving together must not interleave.
  const reloadFile = oneAtATime(() => holder.reload());
  return {
    current: () => holder.current,
    async reload(): Promise<ReloadOutcome> {
      const outcome = await reloadFile();
      metrics.reloaded(outcome.ok, outcome.modelId);
      log.reload(outcome);
      return outcome;
    },
    metricsText: () => metrics.registry.metrics(),
  };
}
