import type { LoadedModel, ReloadOutcome } from '../model-holder.js';
import type { ServiceMetrics } from './service-metrics.js';

/** What the routes need from whoever runs the service: one process, or a cluster worker asking its primary. */
export interface ServiceControl {
  /** The model to score the next request with. */
  current(): LoadedModel;
  /** Re-reads the --model file (in a cluster: for every worker at once). */
  reload(): Promise<ReloadOutcome>;
  /** The Prometheus text for /metrics (in a cluster: summed over the workers). */
  metricsText(): Promise<string>;
}

export interface ServiceLimits {
  /** Largest request body in bytes; larger ones get 413. */
  bodyLimit: number;
  /** Most interactions in one batch. */
  maxBatch: number;
  /** Milliseconds a client may take to send its whole request; then 408. */
  requestTimeoutMs: number;
}

export interface ServiceDeps {
  control: ServiceControl;
  metrics: ServiceMetrics;
  limits: ServiceLimits;
  /** Where server-side failures (a bug, never a client's mistake) are reported. */
  logError: (message: string) => void;
}
