import type { FastifyInstance } from 'fastify';
import { analyzeText, ComplaintRiskInputError } from '../../index.js';
import { takeRowId, withRowId } from '../row-id.js';
import { rowOutput, scoreRow } from '../score-row.js';
import { BUILT_IN, type LoadedModel } from '../model-holder.js';
import type { ServiceDeps } from './service-deps.js';

/** What GET /v1/model tells a client about the model in use. */
export function modelDescription(loaded: LoadedModel): object {
  const { model } = loaded;
  return {
    id: model.id,
    formatVersion: model.formatVersion,
    ...(model.description === undefined ? {} : { description: model.description }),
    ...(model.createdAt === undefined ? {} : { createdAt: model.createdAt }),
    // Whether it came from a file, not the file's path: the service may be reachable from elsewhere.
    source: loaded.source === BUILT_IN ? BUILT_IN : 'file',
    loadedAt: loaded.loadedAt,
    features: model.features,
    bands: model.bands,
  };
}

export function registerRoutes(app: FastifyInstance, { control, metrics, limits }: ServiceDeps): void {
  app.post(
    '/v1/score',
    // The shape only: each interaction is validated by the library, so one bad item never fails a batch.
    { schema: { body: { type: ['object', 'array'], maxItems: limits.maxBatch } } },
    async (request, reply) => {
      const { scorer } = control.current(); // one model for the whole request, even if a reload lands meanwhile
      const score = (row: unknown): object => {
        const outcome = scoreRow(scorer, row);
        if (outcome.ok) metrics.scored(outcome.result.band);
        else metrics.invalid('/v1/score', 'item');
        return rowOutput(outcome);
      };
      const body = request.body;
      if (Array.isArray(body)) return body.map(score);
      const outcome = scoreRow(scorer, body);
      if (outcome.ok) metrics.scored(outcome.result.band);
      else {
        metrics.invalid('/v1/score', 'item');
        reply.code(400);
      }
      return rowOutput(outcome);
    },
  );

  app.post(
    '/v1/analyze',
    {
      schema: {
        body: { type: 'object', required: ['text'], additionalProperties: false, properties: { id: {}, text: { type: ['string', 'array'] } } },
      },
    },
    async (request, reply) => {
      const split = takeRowId(request.body);
      if (!split.ok) {
        metrics.invalid('/v1/analyze', 'body');
        return reply.code(400).send({ error: split.error });
      }
      try {
        return withRowId(split.id, analyzeText((split.row as { text: Parameters<typeof analyzeText>[0] }).text));
      } catch (cause) {
        if (!(cause instanceof ComplaintRiskInputError)) throw cause;
        metrics.invalid('/v1/analyze', 'body');
        return reply.code(400).send(withRowId(split.id, { error: cause.toJSON() }));
      }
    },
  );

  app.get('/v1/model', async () => modelDescription(control.current()));

  app.post('/v1/model', async (_request, reply) => {
    const outcome = await control.reload();
    if (outcome.ok) return { reloaded: true, model: modelDescription(control.current()), previousModelId: outcome.previousModelId };
    const status = outcome.error.issues[0]?.code === 'no_model_file' ? 409 : 422;
    return reply.code(status).send({ reloaded: false, modelId: outcome.modelId, error: outcome.error });
  });

  app.get('/healthz', async () => ({ status: 'ok', modelId: control.current().model.id }));

  app.get('/metrics', async (_request, reply) => {
    const text = await control.metricsText();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
