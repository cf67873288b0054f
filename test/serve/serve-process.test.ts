import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultModel } from '../../src/index.js';
import { startCli, stopCli, type CliProcess } from '../support/cli-process.js';
import { runCliWith } from '../support/run-cli.js';
import { accepts, http, rawConnection } from './http-client.js';
import { modelFolder, modelJson } from './test-models.js';

const GOOD = { channel: 'phone', waitSeconds: 540, text: '我要投诉，等了半小时' };
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+) \((\d+) workers?, model ([^)]*)\)/;

const started: CliProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => stopCli(p)));
});

async function serve(args: string[]): Promise<{ p: CliProcess; port: number }> {
  const p = startCli(['serve', '--port', '0', ...args]);
  started.push(p);
  const match = await p.waitFor(LISTENING);
  return { p, port: Number(match[1]) };
}

describe('complaint-risk serve (as a process)', () => {
  it('--port 0 picks a free port and prints it once listening; SIGTERM stops it with exit 0', async () => {
    const { p, port } = await serve(['--workers', '1']);
    expect(port).toBeGreaterThan(0);
    expect(p.stdout()).toMatch(new RegExp(`\\(1 worker, model ${defaultModel.id.replace(/[.@]/g, '\\$&')}\\)`));
    const health = await http(port, 'GET', '/healthz');
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', modelId: defaultModel.id });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.stderr()).toMatch(/stopped/);
  });

  it('on SIGTERM it stops accepting, finishes a request still being received, then exits 0', async () => {
    const { p, port } = await serve(['--workers', '1']);
    const body = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: i, ...GOOD })));
    const conn = await rawConnection(port);
    conn.socket.write(`POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    conn.socket.write(body.slice(0, 100)); // the request is in flight: headers in, body partly
    await sleep(200);
    p.child.kill('SIGTERM');
    await p.waitFor(/no longer accepting connections/, { from: 'stderr' });
    await sleep(100);
    expect(await accepts(port)).toBe(false);
    expect(p.child.exitCode).toBeNull(); // still waiting for the request in flight
    conn.socket.write(body.slice(100));
    await conn.closed;
    const [head, payload] = conn.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const results = JSON.parse(payload as string) as Array<{ id: number; band: string }>;
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(await p.exited).toBe(0);
  });

  it('a client that does not send its whole request within --request-timeout gets a 408', async () => {
    const { port } = await serve(['--workers', '1', '--request-timeout', '300']);
    const conn = await rawConnection(port);
    conn.socket.write('POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"channel":');
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('SIGHUP reloads the model file; a bad file keeps the old model and says why (escaped)', async () => {
    const models = modelFolder();
    const file = models.write('model.json', modelJson('hup-test@1'));
    const { p, port } = await serve(['--workers', '1', '--model', file]);
    const modelId = async () => JSON.parse((await http(port, 'GET', '/v1/model')).body).id as string;
    expect(await modelId()).toBe('hup-test@1');

    models.write('model.json', modelJson('hup-test@2\u001b[2J'));
    p.child.kill('SIGHUP');
    await p.waitFor(/model reloaded from .*now hup-test@2\\u001b\[2J \(was hup-test@1\)/, { from: 'stderr' });
    expect(await modelId()).toBe('hup-test@2\u001b[2J');

    models.write('model.json', '{"formatVersion": 1, "id": "half-written');
    p.child.kill('SIGHUP');
    await p.waitFor(/model reload failed; still using hup-test@2\\u001b\[2J: .*not valid JSON/, { from: 'stderr' });
    expect(await modelId()).toBe('hup-test@2\u001b[2J');
    expect(p.stderr()).not.toContain('\u001b');
    expect(JSON.parse((await http(port, 'POST', '/v1/score', GOOD)).body).modelId).toBe('hup-test@2\u001b[2J');
  });

  it('with 2 workers: one port, one model for all, POST /v1/model and SIGHUP reload every worker, /metrics sums the workers', async () => {
    const models = modelFolder();
    const file = models.write('model.json', modelJson('cluster-test@1'));
    const { p, port } = await serve(['--workers', '2', '--model', file]);
    expect(p.stdout()).toMatch(/\(2 workers, model cluster-test@1\)/);
    const ids = async (n: number) => new Set(await Promise.all(Array.from({ length: n }, async () => JSON.parse((await http(port, 'GET', '/v1/model')).body).id)));
    expect(await ids(10)).toEqual(new Set(['cluster-test@1']));

    models.write('model.json', modelJson('cluster-test@2'));
    const reload = await http(port, 'POST', '/v1/model');
    expect(reload.status).toBe(200);
    expect(JSON.parse(reload.body)).toMatchObject({ reloaded: true, model: { id: 'cluster-test@2' }, previousModelId: 'cluster-test@1' });
    expect(await ids(20)).toEqual(new Set(['cluster-test@2']));

    models.write('model.json', JSON.stringify({ ...defaultModel, id: 'cluster-test@3', weights: { ...defaultModel.weights, wait: 'heavy' } }));
    const bad = await http(port, 'POST', '/v1/model');
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body).error.issues.map((i: { path: string }) => i.path)).toContain('weights.wait');
    models.write('model.json', modelJson('cluster-test@4'));
    p.child.kill('SIGHUP');
    await p.waitFor(/now cluster-test@4/, { from: 'stderr' });
    expect(await ids(20)).toEqual(new Set(['cluster-test@4']));

    for (let i = 0; i < 30; i++) await http(port, 'POST', '/v1/score', GOOD);
    const metrics = (await http(port, 'GET', '/metrics')).body;
    const scored = /^complaint_risk_http_requests_total\{route="\/v1\/score",method="POST",status="200"\} (\d+)$/m.exec(metrics);
    expect(Number(scored?.[1])).toBe(30);
    expect(metrics).toMatch(/^complaint_risk_model_reloads_total\{outcome="ok"\} 2$/m);
    expect(metrics).toMatch(/^complaint_risk_model_reloads_total\{outcome="failed"\} 1$/m);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('refuses a bad model file, a port in use and bad options with exit 2', async () => {
    const models = modelFolder();
    const bad = models.write('bad.json', JSON.stringify({ ...defaultModel, bands: { medium: 0.9, high: 0.3, critical: 0.6 } }));
    const badModel = startCli(['serve', '--port', '0', '--workers', '1', '--model', bad]);
    expect(await badModel.exited).toBe(2);
    expect(badModel.stderr()).toMatch(/bands/);

    const { port } = await serve(['--workers', '1']);
    for (const workers of ['1', '2']) {
      const clash = startCli(['serve', '--port', String(port), '--workers', workers]);
      expect(await clash.exited, `--workers ${workers}`).toBe(2);
      expect(clash.stderr()).toMatch(/EADDRINUSE/);
    }

    for (const args of [['--port', '70000'], ['--workers', '0'], ['--body-limit', 'lots'], ['stray.json']]) {
      const run = await runCliWith(['serve', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/See complaint-risk serve --help/);
    }
    const help = await runCliWith(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/POST \/v1\/score/);
  });
});
