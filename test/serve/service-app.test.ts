import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { analyzeText, createScorer, defaultModel } from '../../src/index.js';
import { buildServiceApp } from '../../src/cli/serve/service-app.js';
import { ServiceMetrics } from '../../src/cli/serve/service-metrics.js';
import { localControl } from '../../src/cli/serve/local-control.js';
import { loadScorer, ModelHolder } from '../../src/cli/model-holder.js';
import { modelFolder, modelJson } from './test-models.js';

const BODY_LIMIT = 4096;
const MAX_BATCH = 20;
const GOOD = { channel: 'phone', waitSeconds: 540, text: '我要投诉，等了半小时' };
const json = { 'content-type': 'application/json' };

interface Service {
  app: FastifyInstance;
  reloads: string[];
}

async function service(modelFile?: string): Promise<Service> {
  const holder = new ModelHolder(await loadScorer(modelFile), modelFile);
  const metrics = new ServiceMetrics(holder.current.model.id);
  const reloads: string[] = [];
  const control = localControl(holder, metrics, { reload: (o) => reloads.push(o.ok ? `ok ${o.modelId}` : `failed ${o.error.message}`) });
  const app = buildServiceApp({ control, metrics, limits: { bodyLimit: BODY_LIMIT, maxBatch: MAX_BATCH, requestTimeoutMs: 30_000 }, logError: () => undefined });
  await app.ready();
  return { app, reloads };
}

const post = (app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = json) =>
  app.inject({ method: 'POST', url, headers, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

/** The value of one sample line of the Prometheus text, e.g. name{a="b"}; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('serve: POST /v1/score', () => {
  let s: Service;
  beforeAll(async () => (s = await service()));
  afterAll(() => s.app.close());

  it('scores one interaction exactly as the library does, and echoes an id as the first key', async () => {
    const plain = await post(s.app, '/v1/score', GOOD);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.json()).toEqual(JSON.parse(JSON.stringify(createScorer().score(GOOD as never))));
    const withId = await post(s.app, '/v1/score', { id: 'T-1', ...GOOD });
    expect(Object.keys(withId.json())[0]).toBe('id');
    expect(withId.json()).toEqual({ id: 'T-1', ...plain.json() });
    expect((await post(s.app, '/v1/score', { ...GOOD, id: 42 })).json().id).toBe(42);
  });

  it('answers a batch in order, each invalid item replaced by its path-named error, ids kept on both', async () => {
    const batch = [
      { id: 'a', ...GOOD },
      { id: 'b', channel: 'fax' },
      { channel: 'chat', waitSeconds: -5 },
      { id: 'd', channel: 'chat', text: [{ speaker: 'robot', text: 'hi' }] },
      { id: { nested: true }, channel: 'chat' },
      'not an object',
      { channel: 'email', waitSeconds: 60 },
    ];
    const res = await post(s.app, '/v1/score', batch);
    expect(res.statusCode).toBe(200);
    const out = res.json() as Record<string, any>[];
    expect(out).toHaveLength(batch.length);
    expect(out[0]).toMatchObject({ id: 'a', band: expect.any(String) });
    expect(out[1]).toMatchObject({ id: 'b', error: { issues: [{ path: 'channel' }] } });
    expect(out[2]).toMatchObject({ error: { issues: [{ path: 'waitSeconds' }] } });
    expect(out[2]).not.toHaveProperty('id');
    expect(out[3]).toMatchObject({ id: 'd', error: { issues: [{ path: 'text[0].speaker' }] } });
    expect(out[4]).toEqual({ error: { message: expect.stringMatching(/^invalid id/), issues: [{ path: 'id', code: 'invalid_id', message: expect.any(String) }] } });
    expect(out[5]).toMatchObject({ error: { issues: [{ path: '(root)' }] } });
    expect(out[6]?.probability).toBe(createScorer().score({ channel: 'email', waitSeconds: 60 }).probability);
  });

  it('a __proto__ key is an error for its own item only (and pollutes nothing)', async () => {
    const res = await post(s.app, '/v1/score', '[{"channel":"phone","__proto__":{"polluted":true}},{"channel":"chat"}]');
    const out = res.json() as Record<string, any>[];
    expect(res.statusCode).toBe(200);
    expect(out[0]?.error.issues.map((i: { path: string }) => i.path).join(' ')).toMatch(/__proto__/);
    expect(out[1]?.band).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a single invalid interaction is a 400 with the path of each problem', async () => {
    const res = await post(s.app, '/v1/score', { id: 'x', channel: 'phone', waitSeconds: 'long', transfers: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().id).toBe('x');
    expect(res.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['transfers', 'waitSeconds']);
  });

  it('bad JSON, an empty body and a body that is neither an object nor an array are 400s at (root)', async () => {
    for (const [payload, code] of [
      ['{"channel": "phone",', 'invalid_json'],
      ['', 'empty_body'],
      ['"phone"', 'invalid_type'],
      ['12', 'invalid_type'],
    ] as const) {
      const res = await post(s.app, '/v1/score', payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.issues[0]).toMatchObject({ path: '(root)', code });
    }
  });

  it('a batch larger than --max-batch is refused whole with a 400', async () => {
    const res = await post(s.app, '/v1/score', Array.from({ length: MAX_BATCH + 1 }, () => ({ channel: 'sms' })));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: '(root)', code: 'too_big' });
    expect((await post(s.app, '/v1/score', Array.from({ length: MAX_BATCH }, () => ({ channel: 'sms' })))).statusCode).toBe(200);
  });

  it('a body over --body-limit is a 413; a body that is not JSON is a 415', async () => {
    const big = await post(s.app, '/v1/score', { channel: 'chat', text: 'x'.repeat(BODY_LIMIT) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.issues[0].code).toBe('body_too_large');
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
      const res = await post(s.app, '/v1/score', JSON.stringify(GOOD), headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(415);
      expect(res.json().error.issues[0].code).toBe('unsupported_media_type');
    }
    expect((await post(s.app, '/v1/score', GOOD, { 'content-type': 'application/json; charset=utf-8' })).statusCode).toBe(200);
  });

  it('unknown routes answer a JSON 404', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.issues[0].code).toBe('not_found');
  });
});

describe('serve: /v1/analyze, /v1/model, /healthz', () => {
  let s: Service;
  beforeAll(async () => (s = await service()));
  afterAll(() => s.app.close());

  it('analyzes a text or a list of turns as analyzeText does, echoing an id', async () => {
    const text = "This is ridiculous, I've waited an hour and I want to file a complaint!";
    const res = await post(s.app, '/v1/analyze', { id: 7, text });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 7, ...JSON.parse(JSON.stringify(analyzeText(text))) });
    const turns = [
      { speaker: 'agent', text: 'How can I help?' },
      { speaker: 'customer', text: '我要投诉' },
    ];
    expect((await post(s.app, '/v1/analyze', { text: turns })).json()).toEqual(JSON.parse(JSON.stringify(analyzeText(turns as never))));
  });

  it('names the path of what is wrong with an analyze body', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'text'],
      [{ text: 5 }, 'text'],
      [{ text: 'hi', lang: 'en' }, 'lang'],
      [{ text: [{ speaker: 'robot', text: 'hi' }] }, 'text[0].speaker'],
      [{ text: 'hi', id: [1] }, 'id'],
    ];
    for (const [body, path] of cases) {
      const res = await post(s.app, '/v1/analyze', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(path);
    }
  });

  it('describes the model in use, and reports health', async () => {
    const model = (await s.app.inject({ method: 'GET', url: '/v1/model' })).json();
    expect(model).toMatchObject({ id: defaultModel.id, formatVersion: defaultModel.formatVersion, source: 'built-in', bands: defaultModel.bands });
    expect(model.features.map((f: { id: string }) => f.id)).toEqual(defaultModel.features.map((f) => f.id));
    expect(typeof model.loadedAt).toBe('string');
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok', modelId: defaultModel.id });
  });

  it('POST /v1/model without a --model file is a 409 that keeps the built-in model', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/v1/model' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reloaded: false, modelId: defaultModel.id, error: { issues: [{ code: 'no_model_file' }] } });
  });
});

describe('serve: reloading the model with POST /v1/model', () => {
  it('switches to a good file, keeps the old model for a bad one and says why', async () => {
    const models = modelFolder();
    const file = models.write('model.json', modelJson('reload-test@1'));
    const s = await service(file);
    try {
      const score = async () => (await post(s.app, '/v1/score', GOOD)).json();
      expect((await score()).modelId).toBe('reload-test@1');

      models.write('model.json', modelJson('reload-test@2', { medium: 0.2, high: 0.4, critical: 0.7 }));
      const ok = await s.app.inject({ method: 'POST', url: '/v1/model' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ reloaded: true, previousModelId: 'reload-test@1', model: { id: 'reload-test@2', source: 'file', bands: { medium: 0.2 } } });
      expect((await score()).modelId).toBe('reload-test@2');

      const broken: Array<[string, RegExp]> = [
        ['{"formatVersion": 1, "id": ', /not valid JSON/],
        [JSON.stringify({ ...defaultModel, id: 'bad@1', bands: { medium: 0.5, high: 0.3, critical: 0.6 } }), /bands/],
      ];
      for (const [content, why] of broken) {
        models.write('model.json', content);
        const bad = await s.app.inject({ method: 'POST', url: '/v1/model' });
        expect(bad.statusCode).toBe(422);
        expect(bad.json()).toMatchObject({ reloaded: false, modelId: 'reload-test@2' });
        expect(bad.json().error.message).toMatch(why);
        expect((await score()).modelId).toBe('reload-test@2');
      }
      rmSync(file);
      const missing = await s.app.inject({ method: 'POST', url: '/v1/model' });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().error.issues[0].code).toBe('unreadable');
      expect(missing.json().error.message).toMatch(/ENOENT/);
      expect(s.reloads).toEqual(['ok reload-test@2', expect.stringMatching(/^failed/), expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);

      const metrics = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(sample(metrics, 'complaint_risk_model_reloads_total{outcome="ok"}')).toBe(1);
      expect(sample(metrics, 'complaint_risk_model_reloads_total{outcome="failed"}')).toBe(3);
      expect(sample(metrics, 'complaint_risk_model_info{model_id="reload-test@2"}')).toBe(1);
      expect(metrics).not.toMatch(/model_id="reload-test@1"/);
    } finally {
      await s.app.close();
    }
  });
});

describe('serve: GET /metrics', () => {
  it('counts requests by route and status, latency, scores by band and invalid inputs', async () => {
    const s = await service();
    try {
      const expected = createScorer();
      const batch = [GOOD, { channel: 'chat' }, { channel: 'fax' }, { channel: 'phone', waitSeconds: 1200, unresolved: true, repeatContacts: 3 }];
      await post(s.app, '/v1/score', batch);
      await post(s.app, '/v1/score', GOOD);
      await post(s.app, '/v1/score', { channel: 'fax' });
      await post(s.app, '/v1/score', '{oops');
      await post(s.app, '/v1/score', 'x', { 'content-type': 'text/plain' });
      const res = await s.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.body;
      expect(sample(text, 'complaint_risk_http_requests_total{route="/v1/score",method="POST",status="200"}')).toBe(2);
      expect(sample(text, 'complaint_risk_http_requests_total{route="/v1/score",method="POST",status="400"}')).toBe(2);
      expect(sample(text, 'complaint_risk_http_requests_total{route="/v1/score",method="POST",status="415"}')).toBe(1);
      expect(sample(text, 'complaint_risk_http_request_duration_seconds_count{route="/v1/score",method="POST"}')).toBe(5);
      const bands = [GOOD, { channel: 'chat' }, batch[3], GOOD].map((i) => expected.score(i as never).band);
      for (const band of ['low', 'medium', 'high', 'critical'])
        expect(sample(text, `complaint_risk_scores_total{band="${band}"}`), band).toBe(bands.filter((b) => b === band).length);
      expect(sample(text, 'complaint_risk_invalid_inputs_total{route="/v1/score",kind="item"}')).toBe(2);
      expect(sample(text, 'complaint_risk_invalid_inputs_total{route="/v1/score",kind="body"}')).toBe(2);
      expect(text).toMatch(/^process_cpu_seconds_total /m);
    } finally {
      await s.app.close();
    }
  });
});
