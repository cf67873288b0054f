import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ServiceDeps } from './service-deps.js';
import { errorBody, errorReply } from './http-errors.js';
import { registerRoutes } from './service-routes.js';

export type { ServiceControl, ServiceDeps, ServiceLimits } from './service-deps.js';

/** Label for requests that matched no route: one series, however many URLs are probed. */
const UNMATCHED = 'unmatched';

/** The HTTP service as a Fastify instance, not yet listening (tests call `inject` on it). */
export function buildServiceApp(deps: ServiceDeps): FastifyInstance {
  const { limits, metrics } = deps;
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks request deadlines on connectionsCheckingInterval (30 s by default);
    // a short --request-timeout needs a check at least as often.
    // Given to http.createServer itself: Node applies a request timeout set later on the server
    // only once the headers timeout (60 s) has passed.
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(60_000, limits.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
    },
    keepAliveTimeout: 5000,
    // On close: stop accepting, end idle keep-alive connections, let in-flight requests finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Schemas check shapes only; they must never rewrite the body (ajv's coercion and defaults would).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, allowUnionTypes: true } },
  });

  // Only JSON is accepted (anything else is a 415). Plain JSON.parse, as
  // `complaint-risk score` reads lines: a `__proto__` key stays an own key
  // that the library then rejects by name, for that row only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(Object.assign(new Error('the request body is empty; send a JSON object or array'), { code: 'empty_body', statusCode: 400 }), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (cause) {
      done(Object.assign(new Error(`invalid JSON: ${(cause as Error).message}`), { code: 'invalid_json', statusCode: 400 }), undefined);
    }
  });

  // Once closing, every response ends its connection: a keep-alive connection
  // that goes idle after close() began would otherwise hold the exit back.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.request(request.routeOptions.url ?? UNMATCHED, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = errorReply(error, limits, request.headers['content-type']);
    if (mapped.badBody) metrics.invalid(request.routeOptions.url ?? UNMATCHED, 'body');
    if (mapped.status >= 500) deps.logError(`internal error on ${request.method} ${request.routeOptions.url ?? UNMATCHED}: ${error.stack ?? error.message}`);
    return reply.code(mapped.status).send(mapped.body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `no route ${request.method} ${request.url.slice(0, 200)}; the routes are POST /v1/score, POST /v1/analyze, GET|POST /v1/model, GET /healthz, GET /metrics`)),
  );

  registerRoutes(app, deps);
  return app;
}
