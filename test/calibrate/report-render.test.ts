/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chooseBands, crossValidate, evaluateProbabilities, fit, renderReport, thresholdTable } from '../../src/calibrate.js';
import { niceTicks, weightsChart, reliabilityChart, distributionChart } from '../../src/calibrate/svg-charts.js';
import { syntheticData } from '../support/synthetic.js';
import { runCliWith } from '../support/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter)].map((d) => join(d, 'chromium')).find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(root, 'test/site/.screenshots');
if (!hasChromium) console.warn(`\n[test/calibrate] SKIPPED the report browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)\n`);

const textCount = (svg: string): number => (svg.match(/<text/g) ?? []).length;

describe('chart axes are bounded and round (issue 15, items 12 and 25)', () => {
  it('weights of any size get at most 8 round ticks', () => {
    for (const [lo, hi] of [[-0.5, 0.5], [-3, 250_000], [-1e12, 1e12], [0.001, 0.0013]]) {
      const ticks = niceTicks(lo as number, hi as number);
      expect(ticks.length, `${lo}…${hi}`).toBeLessThanOrEqual(8);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      const step = (ticks[1] as number) - (ticks[0] as number);
      expect(Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(3)), String(step)).toSatisfy((m: number) => [1, 2, 5].includes(m));
    }
    const wild = weightsChart([
      { label: 'a', estimate: 120_000, lower: -250_000, upper: 250_000, fitted: true },
      { label: 'b', estimate: 0, lower: 0, upper: 0, fitted: false, prior: 0.7 },
    ]);
    expect(textCount(wild)).toBeLessThanOrEqual(2 + 2 + 8);
    expect(wild).toMatch(/class="prior"/);
  });

  it('share axes end on a round tick and are labelled in round percentages', () => {
    const svg = reliabilityChart([{ predicted: 0.1, observed: 0.43, count: 10 }, { predicted: 0.3, observed: 0.2, count: 5 }]);
    const labels = [...svg.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(2);
    for (const l of labels) expect(l).toMatch(/^(0|[1-9]\d?0|[1-9]|[1-9]\d?\.?5?)%$/);
    expect(labels).not.toContain('47%');
    const dist = distributionChart({ edges: [-4, -2, 0, 2], complaints: [1, 2, 7], others: [6, 3, 1] });
    expect(dist).toMatch(/class="legend"/);
  });
});

describe.skipIf(!hasChromium)('the HTML report in headless Chromium (issue 15, item 25)', () => {
  let browser: import('playwright-core').Browser;
  let html: string;
  beforeAll(async () => {
    const { records, truth } = syntheticData(6_000, 3);
    const labels = Uint8Array.from(records, (r) => (r.label ? 1 : 0));
    const fitted = fit(records, { baseModel: truth, id: 'report-review' });
    const cv = crossValidate(records, { baseModel: truth, folds: 3, terms: false });
    const { model } = chooseBands(fitted.model, cv.outOfFold, labels, { high: { capacity: 100, volume: 1000 } });
    const measured = evaluateProbabilities(cv.outOfFold, labels, model);
    // As another month's data may show it: the high band holding fewer complaints than the medium one.
    const rates = Object.fromEntries(measured.bands.map((b) => [b.band, b.rate]));
    const evaluation = { ...measured, bands: measured.bands.map((b) => (b.band === 'high' ? { ...b, rate: (rates.medium as number) / 2 } : b)) };
    const cuts = [...new Set([0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, model.bands.medium, model.bands.high, model.bands.critical])].sort((a, b) => a - b);
    html = renderReport({ model, fit: fitted.report, evaluation, evaluationLabel: '3-fold cross-validation (out-of-fold predictions)', crossValidation: cv, thresholds: thresholdTable(cv.outOfFold, labels, cuts), generatedAt: '2026-12-01T00:00:00Z' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('renders with labelled headline and per-fold figures, a legend clear of the bars, round ticks, separators and warnings', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(html);
    expect(await page.locator('.basis').innerText()).toMatch(/Headline figures below: 3-fold cross-validation .*pooled/);
    expect(await page.locator('p', { hasText: 'Per fold' }).innerText()).toMatch(/mean ± SD over folds/);
    // The legend of the score distribution overlaps none of its bars.
    const overlaps = await page.evaluate(() => {
      const svg = [...document.querySelectorAll('svg')].find((s) => s.querySelector('.legend'));
      if (svg === undefined) return -1;
      const legend = (svg.querySelector('.legend') as SVGGElement).getBoundingClientRect();
      return [...svg.querySelectorAll('rect[fill="#c0392b"], rect[fill="#95a5a6"]')]
        .filter((r) => r.parentElement?.getAttribute('class') !== 'legend')
        .map((r) => r.getBoundingClientRect())
        .filter((b) => b.height > 0 && b.left < legend.right && b.right > legend.left && b.top < legend.bottom && b.bottom > legend.top).length;
    });
    expect(overlaps).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/⚠ Band \w+ has a lower complaint rate/);
    expect(text).toMatch(/\d,\d{3}/);
    expect(text).toMatch(/\b70\.0%/);
    expect(text).toMatch(/\b90\.0%/);
    expect(text).toMatch(/Learned terms/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-top.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-full.png'), fullPage: true });
    await page.close();
  });

  it('evaluate --report names the input file, not its absolute path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-report-path-'));
    const csv = join(dir, 'may.csv');
    writeFileSync(csv, ['channel,waitSeconds,label', ...Array.from({ length: 200 }, (_, i) => `phone,${i * 7},${i % 5 === 0 ? 1 : 0}`)].join('\n') + '\n');
    const report = join(dir, 'may.html');
    expect((await runCliWith(['evaluate', csv, '--report', report, '--quiet'])).code).toBe(0);
    const written = readFileSync(report, 'utf8');
    expect(written).toMatch(/Evaluated on may\.csv/);
    expect(written).not.toContain(dir);
  });
});
