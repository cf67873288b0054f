import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '@redis/client';
import { createScorer } from '../../src/index.js';
import { WRITE_RESULTS } from '../../src/cli/stream/write-results-script.js';
import { HAVE_REDIS_SERVER, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { startCli, stopCli, type CliProcess } from '../support/cli-process.js';

if (!HAVE_REDIS_SERVER)
  console.warn('SKIPPED: the complaint-risk stream tests need redis-server, which is not installed here (apt-get install -y redis-server; .ci/run installs it)');

type Client = ReturnType<typeof createClient<{}, {}, { writeResults: typeof WRITE_RESULTS }, 3, {}>>;

interface OutputEntry {
  entry: string;
  ok: string;
  body: Record<string, any>;
}

describe.skipIf(!HAVE_REDIS_SERVER)('complaint-risk stream against a real redis-server', () => {
  let redis: RedisServer;
  let client: Client;
  const workers: CliProcess[] = [];
  let streams = 0;

  beforeAll(async () => {
    redis = await startRedisServer();
    client = createClient({ url: redis.url, scripts: { writeResults: WRITE_RESULTS } }) as Client;
    await client.connect();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => stopCli(w)));
  });
  afterAll(async () => {
    await client?.close();
    await redis?.stop();
  });

  /** Fresh stream names for one test. */
  function names(): { input: string; output: string; group: string } {
    streams++;
    return { input: `t${streams}:in`, output: `t${streams}:out`, group: 'scorers' };
  }

  function worker(n: { input: string; output: string; group: string }, consumer: string, extra: string[] = []): CliProcess {
    const w = startCli(['stream', '--url', redis.url, '--input', n.input, '--output', n.output, '--group', n.group, '--consumer', consumer, '--start-id', '0', '--block', '100', ...extra]);
    workers.push(w);
    return w;
  }

  async function add(stream: string, fields: Array<Record<string, string>>): Promise<string[]> {
    return Promise.all(fields.map((f) => client.xAdd(stream, '*', f)));
  }

  async function output(stream: string): Promise<OutputEntry[]> {
    const entries = await client.xRange(stream, '-', '+');
    return (entries ?? []).map((e) => ({ entry: e.message.entry as string, ok: e.message.ok as string, body: JSON.parse(e.message.json as string) }));
  }

  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  }

  const pendingCount = async (n: { input: string; group: string }): Promise<number> => (await client.xPending(n.input, n.group)).pending;

  it('answers each entry once, in its output: results with entry id and id, errors with their paths, nothing left pending', async () => {
    const n = names();
    const rows: Array<Record<string, string>> = [
      { json: JSON.stringify({ id: 'T-1', channel: 'phone', waitSeconds: 540, text: '我要投诉' }) },
      { json: JSON.stringify({ id: 2, channel: 'chat', text: 'Thanks, that fixed it.' }) },
      { json: '{"channel": "phone",' },
      { other: 'no json field' },
      { json: JSON.stringify({ id: 'T-5', channel: 'fax', waitSeconds: -1 }) },
      { json: JSON.stringify({ id: { bad: true }, channel: 'sms' }) },
      { json: JSON.stringify({ channel: 'email' }), note: 'extra fields are ignored' },
    ];
    const ids = await add(n.input, rows);
    const w = worker(n, 'only');
    await until('7 results', async () => (await client.xLen(n.output)) >= rows.length);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.stderr()).toMatch(/answered 7 entries \(4 invalid/);

    const out = await output(n.output);
    expect(out.map((o) => o.entry)).toEqual(ids);
    const scorer = createScorer();
    expect(out[0]).toMatchObject({ ok: '1', body: { entry: ids[0], id: 'T-1', ...JSON.parse(JSON.stringify(scorer.score({ channel: 'phone', waitSeconds: 540, text: '我要投诉' }))) } });
    expect(Object.keys(out[0]!.body).slice(0, 2)).toEqual(['entry', 'id']);
    expect(out[1]).toMatchObject({ ok: '1', body: { id: 2, band: expect.any(String) } });
    expect(out[2]).toMatchObject({ ok: '0', body: { entry: ids[2], error: { issues: [{ path: '(root)', code: 'invalid_json' }] } } });
    expect(out[3]).toMatchObject({ ok: '0', body: { error: { issues: [{ code: 'no_json_field' }] } } });
    expect(out[3]!.body.error.message).toMatch(/"other"/);
    expect(out[4]).toMatchObject({ ok: '0', body: { id: 'T-5' } });
    expect(out[4]!.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['channel', 'waitSeconds']);
    expect(out[5]).toMatchObject({ ok: '0', body: { error: { issues: [{ path: 'id', code: 'invalid_id' }] } } });
    expect(out[6]).toMatchObject({ ok: '1', body: { entry: ids[6], modelId: scorer.model.id } });
    expect(await pendingCount(n)).toBe(0);
  });

  it('sends errors to --dead-letter when given, results to the output', async () => {
    const n = names();
    await add(n.input, [{ json: JSON.stringify({ channel: 'app' }) }, { json: 'nope' }, { json: JSON.stringify({ channel: 'branch', transfers: 2 }) }]);
    const w = worker(n, 'dl', ['--dead-letter', `${n.output}:dead`]);
    await until('3 answers', async () => (await client.xLen(n.output)) + (await client.xLen(`${n.output}:dead`)) >= 3);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect((await output(n.output)).map((o) => o.ok)).toEqual(['1', '1']);
    expect((await output(`${n.output}:dead`)).map((o) => o.body.error.issues[0].code)).toEqual(['invalid_json']);
  });

  it('a consumer restarted under its own name answers the entries it held before anything else', async () => {
    const n = names();
    const ids = await add(n.input, Array.from({ length: 12 }, (_, i) => ({ json: JSON.stringify({ id: i, channel: 'phone', waitSeconds: i * 60 }) })));
    await client.xGroupCreate(n.input, n.group, '0');
    // "same" read five entries and died before answering them.
    await client.xReadGroup(n.group, 'same', { key: n.input, id: '>' }, { COUNT: 5 });
    expect(await pendingCount(n)).toBe(5);
    const w = worker(n, 'same', ['--claim-idle', '3600000']); // no claiming: only its own history can answer them
    await until('12 results', async () => (await client.xLen(n.output)) >= 12);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect((await output(n.output)).map((o) => o.entry)).toEqual(ids);
    expect(await pendingCount(n)).toBe(0);
  });

  it("claims a dead consumer's entries after --claim-idle, and a late write by the stalled one adds nothing", async () => {
    const n = names();
    const ids = await add(n.input, Array.from({ length: 8 }, (_, i) => ({ json: JSON.stringify({ id: `g${i}`, channel: 'chat', waitSeconds: 30 * i }) })));
    await client.xGroupCreate(n.input, n.group, '0');
    const held = await client.xReadGroup(n.group, 'ghost', { key: n.input, id: '>' }, { COUNT: 5 });
    expect(held?.[0]?.messages).toHaveLength(5);
    const w = worker(n, 'alive', ['--claim-idle', '300']);
    await until('8 results', async () => (await client.xLen(n.output)) >= 8);
    expect(await pendingCount(n)).toBe(0);

    // The stalled consumer wakes up and writes its (now stale) results: the script refuses each one.
    const late = ids.slice(0, 5).map((entry) => ({ entry, ok: true, json: JSON.stringify({ entry, late: true }) }));
    const target = { input: n.input, output: n.output, deadLetter: n.output, group: n.group, consumer: 'ghost', outputMaxLen: 0 };
    expect(await client.writeResults(target, late)).toBe(0);
    // So does "alive" itself on a retry of entries it already answered.
    expect(await client.writeResults({ ...target, consumer: 'alive' }, late)).toBe(0);
    const out = await output(n.output);
    expect(out).toHaveLength(8);
    expect(out.some((o) => o.body.late === true)).toBe(false);
    expect(new Set(out.map((o) => o.entry))).toEqual(new Set(ids));

    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.stderr()).toMatch(/5 claimed from other consumers/);
  });

  it('the write script writes a result only while its entry is pending for the writer, and acknowledges it in the same step', async () => {
    const n = names();
    const ids = await add(n.input, [{ json: '{}' }, { json: '{}' }, { json: '{}' }]);
    await client.xGroupCreate(n.input, n.group, '0');
    await client.xReadGroup(n.group, 'slow', { key: n.input, id: '>' }, { COUNT: 3 });
    // Another consumer takes the first two over (as XAUTOCLAIM does after --claim-idle).
    await client.xClaim(n.input, n.group, 'fast', 0, ids.slice(0, 2));
    const target = (consumer: string) => ({ input: n.input, output: n.output, deadLetter: n.output, group: n.group, consumer, outputMaxLen: 0 });
    const results = (who: string) => ids.map((entry) => ({ entry, ok: true, json: JSON.stringify({ entry, who }) }));
    expect(await client.writeResults(target('slow'), results('slow'))).toBe(1); // only the one it still owns
    expect(await client.writeResults(target('fast'), results('fast'))).toBe(2);
    expect(await client.writeResults(target('fast'), results('fast'))).toBe(0); // a retry: already acknowledged
    expect(await client.writeResults(target('slow'), results('slow'))).toBe(0);
    const out = await output(n.output);
    expect(out.map((o) => [o.entry, o.body.who])).toEqual([
      [ids[2], 'slow'],
      [ids[0], 'fast'],
      [ids[1], 'fast'],
    ]);
    expect(await pendingCount(n)).toBe(0);

    // With --output-maxlen the same script trims the output stream as it writes.
    const more = await add(n.input, Array.from({ length: 300 }, () => ({ json: '{}' })));
    await client.xReadGroup(n.group, 'trim', { key: n.input, id: '>' }, { COUNT: 300 });
    const trimmed = { ...target('trim'), outputMaxLen: 50 };
    expect(await client.writeResults(trimmed, more.map((entry) => ({ entry, ok: true, json: '{}' })))).toBe(300);
    expect(await client.xLen(n.output)).toBeLessThan(303); // approximate trimming (MAXLEN ~) keeps whole nodes
    expect(await client.xLen(n.output)).toBeGreaterThanOrEqual(50);
  });

  it('fault test: 10,000 entries, 3 workers, one killed with SIGKILL mid-run and restarted: exactly one result per entry, none pending', async () => {
    const n = names();
    const TOTAL = 10_000;
    const texts = ['我要投诉，等了半小时', 'Thanks, all sorted.', 'This is the third time I am calling about this!', '卡被冻结了，怎么回事'];
    const rows = Array.from({ length: TOTAL }, (_, i) =>
      i % 97 === 0
        ? { json: i % 2 === 0 ? '{broken' : JSON.stringify({ id: i, channel: 'pigeon' }) }
        : { json: JSON.stringify({ id: i, channel: ['phone', 'chat', 'email', 'app'][i % 4], waitSeconds: (i * 37) % 1800, text: texts[i % 4] }) },
    );
    const ids: string[] = [];
    for (let i = 0; i < TOTAL; i += 1000) ids.push(...(await add(n.input, rows.slice(i, i + 1000))));
    const opts = ['--batch', '20', '--claim-idle', '1000'];
    const [first] = [worker(n, 'w1', opts), worker(n, 'w2', opts), worker(n, 'w3', opts)];
    const heldBy = async (name: string): Promise<number> => Number((await client.xPending(n.input, n.group)).consumers?.find((c) => c.name === name)?.deliveriesCounter ?? 0);
    await until('2,000 results', async () => (await client.xLen(n.output)) >= 2000);
    // Kill it while it holds a batch it has read but not yet answered.
    await until('w1 holding entries', async () => (await heldBy('w1')) > 0);
    first!.child.kill('SIGKILL');
    expect(await first!.exited).toBe('SIGKILL');
    const heldAtDeath = await heldBy('w1');
    expect(await client.xLen(n.output)).toBeLessThan(TOTAL); // it died mid-run
    // Restarted as a new process (a new consumer name, as a rescheduled container gets): what w1 held is claimed.
    worker(n, 'w1-restarted', opts);

    await until('every entry answered and nothing pending', async () => (await client.xLen(n.output)) >= TOTAL && (await pendingCount(n)) === 0, 60_000);
    await sleep(1500); // past --claim-idle: a duplicate, if there were one, would have landed by now
    const out = await output(n.output);
    expect(out).toHaveLength(TOTAL);
    const perEntry = new Map<string, number>();
    for (const o of out) perEntry.set(o.entry, (perEntry.get(o.entry) ?? 0) + 1);
    expect(perEntry.size).toBe(TOTAL);
    expect([...perEntry.values()].every((c) => c === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(perEntry.keys()));

    // Each answer is the right one for its entry.
    const index = new Map(ids.map((id, i) => [id, i]));
    const scorer = createScorer();
    for (const o of out) {
      const i = index.get(o.entry) as number;
      if (i % 97 === 0) expect(o.ok, `entry ${i}`).toBe('0');
      else {
        expect(o.ok).toBe('1');
        expect(o.body.id).toBe(i);
        if (i % 500 === 1) {
          const { id: _id, ...interaction } = JSON.parse(rows[i]!.json as string) as Record<string, unknown>;
          expect(o.body.probability).toBe(scorer.score(interaction as never).probability);
        }
      }
    }
    expect(await pendingCount(n)).toBe(0);
    const stopping = workers.filter((w) => w !== first);
    for (const w of stopping) w.child.kill('SIGTERM');
    expect(await Promise.all(stopping.map((w) => w.exited))).toEqual([0, 0, 0]);
    // What the dead worker held was answered by the others through XAUTOCLAIM.
    const claimed = stopping.map((w) => Number(/(\d+) claimed from other consumers/.exec(w.stderr())?.[1] ?? NaN));
    expect(claimed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(heldAtDeath);
    expect(await heldBy('w1')).toBe(0);
  }, 120_000);
});
