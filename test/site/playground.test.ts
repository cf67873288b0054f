import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Interaction, Model, RiskResult, Turn } from '../../src/index.js';

// Drives the built playground (site/dist/, from `node site/build.mjs` over the
// dist/ the global setup builds) in Debian's Chromium, and checks what it shows
// against score() from the same built dist/index.js, run here in Node.
const root = fileURLToPath(new URL('../../', import.meta.url));
/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a chromium on the PATH. */
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter)].map((dir) => join(dir, 'chromium')).find((path) => existsSync(path)) ??
  '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(root, 'test/site/.screenshots');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!hasChromium) console.warn(`\n[test/site] SKIPPED the playground browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)\n`);

type Library = typeof import('../../src/index.js');

interface Shown {
  band: string | null;
  probability: number;
  factors: Array<{ id: string | null; contribution: number; reason: string }>;
  marks: Array<{ kind: string; start: number; end: number; text: string }>;
  evidenceText: string;
}

const interactions = readFileSync(join(root, 'fixtures/interactions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Interaction);
const conversations = JSON.parse(readFileSync(join(root, 'fixtures/conversations.json'), 'utf8')) as Array<{
  name: string;
  init: Partial<Interaction>;
  turns: Turn[];
}>;

const CHINESE_COMPLAINT = '我上个月就反映过扣费错误，打了三次电话都说在处理，到现在还没解决！你们太不负责任了，再不退款我就去12315投诉。';
const CALM_ENGLISH = 'Thanks for sorting out my delivery address so quickly, everything is fine now. Have a nice day!';

beforeAll(() => {
  execFileSync(process.execPath, ['site/build.mjs'], { cwd: root, stdio: 'pipe' });
});

describe('the playground build (npm run site)', () => {
  it('writes one page with a classic script, since browsers refuse module scripts from file://', () => {
    const html = readFileSync(join(root, 'site/dist/index.html'), 'utf8');
    expect(html).toMatch(/<script src="app\.js" defer><\/script>/);
    expect(html).not.toMatch(/type="module"/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    const app = readFileSync(join(root, 'site/dist/app.js'), 'utf8');
    expect(app.startsWith('"use strict";(()=>{') || app.startsWith('(()=>{')).toBe(true);
    expect(app).not.toMatch(/\bimport\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon/);
    expect(existsSync(join(root, 'site/dist/style.css'))).toBe(true);
  });

  it('keeps the README screenshot small', () => {
    expect(statSync(join(root, 'site/screenshot.png')).size).toBeLessThan(150 * 1024);
  });
});

describe.skipIf(!hasChromium)('the playground page in headless Chromium', () => {
  let lib: Library;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    lib = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as Library;
    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(join(tmpdir(), 'complaint-risk-site-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 800 } });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    watch(page);
    await page.goto(pathToFileURL(join(root, 'site/dist/index.html')).href);
    await page.locator('body[data-ready=true]').waitFor();
    await page.selectOption('[data-testid=lang]', 'zh');
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  function watch(p: Page): void {
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    p.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
  }

  async function settled(p: Page = page, state = 'ready'): Promise<void> {
    await p.locator(`[data-testid=result][data-state=${state}]`).waitFor();
  }

  async function shown(p: Page = page): Promise<Shown> {
    const band = await p.getAttribute('[data-testid=band]', 'data-band');
    const probability = Number(await p.getAttribute('[data-testid=probability]', 'data-value'));
    const factors = await p.locator('[data-testid=factor]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-id'),
        contribution: Number(row.getAttribute('data-contribution')),
        reason: row.querySelector('.reason')?.textContent ?? '',
      })),
    );
    const marks = await p.locator('[data-testid=evidence] mark').evaluateAll((elements) =>
      elements.map((mark) => ({
        kind: mark.getAttribute('data-kind') ?? '',
        start: Number(mark.getAttribute('data-start')),
        end: Number(mark.getAttribute('data-end')),
        text: mark.textContent ?? '',
      })),
    );
    const evidenceText = (await p.locator('[data-testid=evidence]').textContent()) ?? '';
    return { band, probability, factors, marks, evidenceText };
  }

  /** The distinct spans of a result, and the same read back from the marks (a span crossing another is split in pieces). */
  function spansOf(result: RiskResult): string[] {
    const keys = new Set<string>();
    for (const factor of result.factors) for (const e of factor.evidence ?? []) keys.add(`${e.start}-${e.end} ${e.kind} ${e.text}`);
    return [...keys].sort();
  }
  function spansShown(marks: Shown['marks']): string[] {
    const pieces = new Map<string, string>();
    for (const m of marks) {
      const key = `${m.start}-${m.end} ${m.kind}`;
      pieces.set(key, (pieces.get(key) ?? '') + m.text);
    }
    return [...pieces].map(([key, text]) => `${key} ${text}`).sort();
  }

  /**
   * Chromium's V8 and Node's may round a Math.exp or Math.log differently in
   * the last bit, so numbers agree to 1e-12; bands, reasons and spans exactly.
   */
  function expectSame(on: Shown, result: RiskResult, input: Interaction, lang: 'zh' | 'en' = 'zh'): void {
    expect(on.probability).toBeCloseTo(result.probability, 12);
    expect(on.band).toBe(result.band);
    expect(on.factors.map((f) => [f.id, f.reason])).toEqual(result.factors.map((f) => [f.id, f.reason[lang]]));
    on.factors.forEach((f, i) => expect(f.contribution, f.id ?? '').toBeCloseTo(result.factors[i]?.contribution ?? NaN, 12));
    expect(spansShown(on.marks)).toEqual(spansOf(result));
    const words = lib.customerText(input.text);
    if (words !== '') expect(on.evidenceText).toBe(words);
  }

  async function setUnresolved(value: boolean | undefined): Promise<void> {
    // The box starts "not given"; a click makes it a yes, a second a no.
    if (value === undefined) return;
    await page.check('[data-testid=unresolved]');
    if (!value) await page.uncheck('[data-testid=unresolved]');
  }

  async function typeInteraction(input: Interaction): Promise<void> {
    await page.selectOption('[data-testid=channel]', input.channel);
    await page.fill('[data-testid=wait]', input.waitSeconds === undefined ? '' : String(input.waitSeconds));
    await page.fill('[data-testid=repeat]', input.repeatContacts === undefined ? '' : String(input.repeatContacts));
    await page.fill('[data-testid=transfers]', input.transfers === undefined ? '' : String(input.transfers));
    await page.fill('[data-testid=prior]', input.priorComplaints === undefined ? '' : String(input.priorComplaints));
    await setUnresolved(input.unresolved);
    await page.fill('[data-testid=text]', typeof input.text === 'string' ? input.text : '');
    await settled();
  }

  it('scores a Chinese complaint typed in exactly as score() does, with its evidence marked in place', async () => {
    const input: Interaction = { channel: 'phone', waitSeconds: 420, repeatContacts: 2, transfers: 1, unresolved: true, text: CHINESE_COMPLAINT };
    await typeInteraction(input);
    const result = lib.createScorer().score(input);
    expect(result.band).toBe('critical');
    const on = await shown();
    expectSame(on, result, input);
    expect(on.marks.map((m) => m.kind)).toContain('intent');
    const action = await page.textContent('[data-testid=action]');
    expect(action).toBe('立即升级并安排回访');
    // The weight is on the highlight, for hovering.
    const title = (await page.getAttribute('[data-testid=evidence] mark[data-kind=intent]', 'title')) ?? '';
    const intent = result.factors.flatMap((f) => f.evidence ?? []).find((e) => e.kind === 'intent');
    expect(title).toContain(`权重 +${(intent?.weight ?? NaN).toFixed(2)}`);
  });

  it('scores a calm English message as low, typing being debounced into one live result', async () => {
    await page.selectOption('[data-testid=example]', 'interaction-4');
    await settled();
    const input: Interaction = { channel: 'chat', waitSeconds: 15, text: CALM_ENGLISH };
    await page.selectOption('[data-testid=channel]', 'chat');
    await page.fill('[data-testid=wait]', '15');
    await page.fill('[data-testid=text]', '');
    await settled();
    const before = Number(await page.getAttribute('[data-testid=result]', 'data-scorings'));
    await page.locator('[data-testid=text]').pressSequentially(CALM_ENGLISH);
    await settled();
    const scorings = Number(await page.getAttribute('[data-testid=result]', 'data-scorings')) - before;
    expect(scorings, 'one score per pause in typing, not per key').toBeLessThan(CALM_ENGLISH.length / 4);
    // interaction-4 left the other fields: none given, except unresolved: false.
    const full = { ...input, unresolved: false };
    const result = lib.createScorer().score(full);
    expect(result.band).toBe('low');
    expectSame(await shown(), result, full);
  });

  it('reads a pasted transcript as turns, marking the customer turns joined by newlines', async () => {
    const transcript = ['客户：我的快递三天了还没到，查也查不到。', '坐席：非常抱歉，我马上帮您催一下。', 'customer: 已经催过两次了，再不到我就要投诉！'].join('\n');
    await typeInteraction({ channel: 'app', text: '' });
    await page.fill('[data-testid=text]', transcript);
    await settled();
    const turns: Turn[] = [
      { speaker: 'customer', text: '我的快递三天了还没到，查也查不到。' },
      { speaker: 'agent', text: '非常抱歉，我马上帮您催一下。' },
      { speaker: 'customer', text: '已经催过两次了，再不到我就要投诉！' },
    ];
    const input: Interaction = { channel: 'app', text: turns };
    expectSame(await shown(), lib.createScorer().score(input), input);
    expect(await page.isVisible('#turns-read')).toBe(true);
  });

  it('shows the same numbers and spans as the library for every example', async () => {
    const examples: Array<[string, Interaction]> = [
      ...interactions.map((x, i): [string, Interaction] => [`interaction-${i + 1}`, x]),
      ...conversations.map((c, i): [string, Interaction] => [`conversation-${i + 1}`, { channel: 'other', ...c.init, text: c.turns } as Interaction]),
    ];
    const scorer = lib.createScorer();
    for (const [id, input] of examples) {
      await page.selectOption('[data-testid=example]', id);
      await settled();
      const on = await shown();
      const result = scorer.score(input);
      expect(on.band, id).toBe(result.band);
      expectSame(on, result, input);
    }
  });

  it('switches every label and reason between Chinese and English', async () => {
    await page.selectOption('[data-testid=example]', 'interaction-1');
    await settled();
    const result = lib.createScorer().score(interactions[0] as Interaction);
    await page.selectOption('[data-testid=lang]', 'en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#result-heading')).toBe('Complaint risk');
    expect(await page.textContent('[data-testid=band]')).toBe(result.band);
    expect((await shown()).factors.map((f) => f.reason)).toEqual(result.factors.map((f) => f.reason.en));
    expect(await page.textContent('[data-testid=channel] option[value=chat]')).toBe('online chat · 在线客服');
    const emptyLabels = await page.locator('[data-i18n]').evaluateAll((elements) => elements.filter((e) => (e.textContent ?? '').trim() === '').length);
    expect(emptyLabels).toBe(0);
    await page.selectOption('[data-testid=lang]', 'zh');
    expect(await page.textContent('#result-heading')).toBe('投诉风险');
    expect(await page.textContent('[data-testid=band]')).toBe('极高');
    expect((await shown()).factors.map((f) => f.reason)).toEqual(result.factors.map((f) => f.reason.zh));
    expect(await page.textContent('[data-testid=channel] option[value=chat]')).toBe('在线客服');
  });

  it('scores with a model file once it is valid, and lists an invalid one by path, keeping the model in use', async () => {
    const model = {
      ...JSON.parse(JSON.stringify(lib.defaultModel)),
      id: 'playground-test@2',
      intercept: lib.defaultModel.intercept + 0.8,
      bands: { medium: 0.05, high: 0.2, critical: 0.7 },
    } as Model;
    const input = interactions[4] as Interaction;
    await page.selectOption('[data-testid=example]', 'interaction-5');
    await settled();
    await page.setInputFiles('[data-testid=model-file]', { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await page.locator('[data-testid=model-id]', { hasText: 'playground-test@2' }).waitFor();
    await settled();
    expect(await page.isHidden('[data-testid=error]')).toBe(true);
    const custom = lib.createScorer(lib.parseModel(model)).score(input);
    expect(custom.probability).not.toBe(lib.createScorer().score(input).probability);
    expectSame(await shown(), custom, input);
    expect(await page.textContent('#model-bands')).toContain('≥ 5%');

    const broken = { ...model, id: 'broken@1', bands: { medium: 0.5, high: 0.2, critical: 0.7 } };
    await page.setInputFiles('[data-testid=model-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.locator('[data-testid=error]').waitFor({ state: 'visible' });
    let issues: string[] = [];
    try {
      lib.parseModel(broken);
    } catch (error) {
      issues = (error as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    }
    expect(issues).toContain('bands');
    expect(await page.locator('[data-testid=error] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-path')))).toEqual(issues);
    expect(await page.textContent('[data-testid=error]')).toContain('broken.json');
    expect(await page.textContent('[data-testid=model-id]')).toBe('playground-test@2');
    expect((await shown()).probability).toBeCloseTo(custom.probability, 12);

    // Dropped on the page: text that is not JSON at all.
    const drop = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{ not json'], 'dropped.json', { type: 'application/json' }));
      return data;
    })()`);
    await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
    await page.locator('[data-testid=error] li[data-path="(root)"]').waitFor();
    expect(await page.textContent('[data-testid=error]')).toContain('dropped.json');

    // The built-in model, downloaded from the page, is itself a model file the page (and parseModel) accepts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-download')]);
    const downloaded = readFileSync(await download.path(), 'utf8');
    expect(lib.parseModel(downloaded)).toEqual(lib.defaultModel);

    await page.click('#model-reset');
    await page.locator('[data-testid=model-id]', { hasText: lib.defaultModel.id }).waitFor();
    await settled();
    expect((await shown()).probability).toBeCloseTo(lib.createScorer().score(input).probability, 12);
  });

  it('replays a conversation turn by turn with a live session, charting the band and raising the alert', async () => {
    const index = conversations.findIndex((c) => c.name.startsWith('credit card overdue'));
    const conversation = conversations[index];
    if (conversation === undefined) throw new Error('fixture conversation missing');
    await page.selectOption('[data-testid=replay-select]', String(index));
    const rises: Array<number | undefined> = [];
    const session = lib.createSession(conversation.init, { onBandRise: (rise) => rises.push(rise.turn) });
    const expected = [session.current(), ...conversation.turns.map((turn) => session.addTurn(turn))];
    expect(rises.length).toBeGreaterThan(0);
    const riseTurn = rises[0] as number;

    for (let step = 0; step < expected.length; step++) {
      if (step > 0) await page.click('[data-testid=replay-next]');
      const result = expected[step] as RiskResult;
      expect(await page.getAttribute('[data-testid=replay-band]', 'data-band')).toBe(result.band);
      expect(Number(await page.getAttribute('[data-testid=replay-probability]', 'data-value'))).toBeCloseTo(result.probability, 12);
      expect(await page.locator('[data-testid=chart-point]').count()).toBe(step + 1);
      expect(await page.locator('[data-testid=replay-turn]').count()).toBe(step);
      const alert = page.locator('[data-testid=alert]');
      expect(await alert.getAttribute('data-state')).toBe(step > riseTurn ? 'raised' : 'quiet');
      if (step > riseTurn) expect(await alert.locator('[data-turn]').getAttribute('data-turn')).toBe(String(riseTurn + 1));
    }
    expect(await page.isDisabled('[data-testid=replay-next]')).toBe(true);
    expect(await page.locator('[data-testid=chart-point]').evaluateAll((points) => points.map((p) => p.getAttribute('data-band')))).toEqual(
      expected.map((r) => r.band),
    );
    await page.click('[data-testid=replay-reset]');
    expect(await page.locator('[data-testid=replay-turn]').count()).toBe(0);
  });

  it('works from a static web server too', async () => {
    const server = await serve(join(root, 'site/dist'));
    try {
      const other = await context.newPage();
      watch(other);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      await other.goto(`http://127.0.0.1:${address.port}/index.html`);
      await settled(other);
      const first = interactions[0] as Interaction;
      expect((await shown(other)).probability).toBeCloseTo(lib.createScorer().score(first).probability, 12);
      await other.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fits a laptop and a phone screen (screenshots in test/site/.screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.selectOption('[data-testid=example]', 'interaction-1');
    await settled();
    await page.selectOption('[data-testid=replay-select]', '0');
    for (let i = 0; i < 5; i++) await page.click('[data-testid=replay-next]');
    for (const [name, width, height] of [
      ['laptop', 1280, 800],
      ['phone', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['zh', 'en']) {
        await page.selectOption('[data-testid=lang]', lang);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}-top.png`) });
      }
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `${name}: page wider than the viewport`).toBe(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('made no request beyond its own files, and logged no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const local = (url: string): boolean => url.startsWith('file://') || url.startsWith('http://127.0.0.1:') || url.startsWith('data:') || url.startsWith('blob:');
    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

if (!hasChromium) {
  describe('the playground page in headless Chromium', () => {
    it.skip(`needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`, () => {});
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Any static host: files as they are, nothing else. */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    const path = join(dir, name);
    if (!path.startsWith(dir) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
