import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Band } from '../../index.js';

/** Seconds; from a cached single score (~0.1 ms) to a large batch with long transcripts. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The service's Prometheus metrics, in a registry of its own (never the
 * global one, so tests and embedders can run several services in one process).
 * In a cluster each worker counts its own requests; the primary sums them
 * (prom-client's aggregator) when /metrics is read. Facts every worker holds
 * alike (the model in use, reloads) take the max instead of the sum.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'complaint_risk_http_requests_total',
    help: 'HTTP requests answered, by route, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'complaint_risk_http_request_duration_seconds',
    help: 'Time from receiving a request to sending the whole response, by route and method.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #scores = new Counter({
    name: 'complaint_risk_scores_total',
    help: 'Interactions scored, by the band of the result.',
    labelNames: ['band'] as const,
    registers: [this.registry],
  });
  readonly #invalid = new Counter({
    name: 'complaint_risk_invalid_inputs_total',
    help: 'Inputs rejected: kind="item" for one invalid interaction (in a batch or alone), kind="body" for a request body rejected as a whole (bad JSON, wrong shape, too large, wrong content type).',
    labelNames: ['route', 'kind'] as const,
    registers: [this.registry],
  });
  readonly #reloads = new Counter({
    name: 'complaint_risk_model_reloads_total',
    help: 'Model reloads, by outcome (a failed reload keeps the model in use).',
    labelNames: ['outcome'] as const,
    aggregator: 'max',
    registers: [this.registry],
  });
  readonly #model = new Gauge({
    name: 'complaint_risk_model_info',
    help: 'The model in use: 1 for its id.',
    labelNames: ['model_id'] as const,
    aggregator: 'max',
    registers: [this.registry],
  });

  constructor(modelId: string) {
    collectDefaultMetrics({ register: this.registry });
    for (const band of ['low', 'medium', 'high', 'critical'] satisfies Band[]) this.#scores.inc({ band }, 0);
    for (const outcome of ['ok', 'failed']) this.#reloads.inc({ outcome }, 0);
    this.modelInUse(modelId);
  }

  request(route: string, method: string, status: number, seconds: number): void {
    this.#requests.inc({ route, method, status: String(status) });
    this.#latency.observe({ route, method }, seconds);
  }

  scored(band: Band): void {
    this.#scores.inc({ band });
  }

  invalid(route: string, kind: 'item' | 'body'): void {
    this.#invalid.inc({ route, kind });
  }

  reloaded(ok: boolean, modelId: string): void {
    this.#reloads.inc({ outcome: ok ? 'ok' : 'failed' });
    if (ok) this.modelInUse(modelId);
  }

  modelInUse(modelId: string): void {
    this.#model.reset();
    this.#model.set({ model_id: modelId }, 1);
  }
}
