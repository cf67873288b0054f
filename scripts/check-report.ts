/**
 * Renders a calibration report in a real headless browser (Debian's
 * chromium) and checks that it rendered: the DOM after load holds the
 * charts and tables, and the screenshot is a real page, not a blank one.
 * Not part of `npm test` (CI has no browser): run `npm run check:report`.
 *
 *   npm run check:report              # synthetic data → /tmp/complaint-risk-report.{html,png}
 *   npm run check:report -- report.html   # check an existing report
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fit, crossValidate, evaluateProbabilities, thresholdTable, renderReport, chooseBands } from '../src/calibrate.js';
import { syntheticData } from '../test/support/synthetic.js';

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = process.env.CHROMIUM ?? BROWSERS.find((b) => existsSync(b));
if (browser === undefined) {
  console.error('no chromium found: apt-get install -y chromium (or set CHROMIUM=/path/to/browser)');
  process.exit(2);
}

let html = process.argv[2];
if (html === undefined) {
  html = '/tmp/complaint-risk-report.html';
  const { records, truth } = syntheticData(20_000, 1);
  const labels = Uint8Array.from(records, (r) => (r.label ? 1 : 0));
  const fitted = fit(records, { baseModel: truth, id: 'synthetic-demo' });
  const cv = crossValidate(records, { baseModel: truth, folds: 5 });
  const { model } = chooseBands(fitted.model, cv.outOfFold, labels, { medium: { recall: 0.8 }, high: { capacity: 100, volume: 1000 }, critical: { precision: 0.85 } });
  const evaluation = evaluateProbabilities(cv.outOfFold, labels, model);
  writeFileSync(
    html,
    renderReport({
      model,
      fit: fitted.report,
      evaluation,
      evaluationLabel: '5-fold cross-validation (out-of-fold predictions)',
      crossValidation: cv,
      thresholds: thresholdTable(cv.outOfFold, labels, [0.05, 0.1, 0.2, model.bands.medium, model.bands.high, model.bands.critical].sort((a, b) => a - b)),
      generatedAt: new Date().toISOString(),
    }),
  );
}

const png = html.replace(/\.html?$/, '') + '.png';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'];
const url = 'file://' + (html.startsWith('/') ? html : `${process.cwd()}/${html}`);
const dom = execFileSync(browser, [...flags, '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
execFileSync(browser, [...flags, `--screenshot=${png}`, '--window-size=1280,2600', url], { stdio: 'ignore', timeout: 60_000 });

const failures: string[] = [];
const count = (re: RegExp): number => (dom.match(re) ?? []).length;
if (count(/<svg/g) < 3) failures.push(`expected ≥ 3 charts in the rendered DOM, found ${count(/<svg/g)}`);
if (count(/<table/g) < 2) failures.push(`expected ≥ 2 tables, found ${count(/<table/g)}`);
if (!/ROC AUC/.test(dom)) failures.push('no ROC AUC headline in the rendered DOM');
if (/https?:\/\//.test(readFileSync(html, 'utf8'))) failures.push('the report references a network URL');
if (!existsSync(png) || statSync(png).size < 20_000) failures.push(`screenshot missing or suspiciously small (${existsSync(png) ? statSync(png).size : 0} bytes)`);
else {
  const { width, height, colours } = inspectPng(readFileSync(png));
  if (width !== 1280) failures.push(`screenshot width ${width}, expected 1280`);
  if (colours < 50) failures.push(`screenshot has only ${colours} distinct colours: blank page?`);
  console.log(`screenshot ${png}: ${width}×${height}, ${colours} distinct colours (sampled)`);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log(`OK ${html} rendered in ${browser}: ${count(/<svg/g)} charts, ${count(/<table/g)} tables`);

/** Size and the distinct colours (every other pixel) of an 8-bit RGB(A) PNG, without a PNG library. */
function inspectPng(buf: Buffer): { width: number; height: number; colours: number } {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colourType = buf[25] as number;
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 1;
  const chunks: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const rowBytes = width * channels;
  const pixels = Buffer.alloc(rowBytes * height);
  // Undo the per-row PNG filters (None, Sub, Up, Average, Paeth).
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)] as number;
    for (let i = 0; i < rowBytes; i++) {
      const x = raw[y * (rowBytes + 1) + 1 + i] as number;
      const a = i >= channels ? (pixels[y * rowBytes + i - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * rowBytes + i] as number) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * rowBytes + i - channels] as number) : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * rowBytes + i] = v & 0xff;
    }
  }
  const seen = new Set<number>();
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const p = y * rowBytes + x * channels;
      seen.add(((pixels[p] as number) << 16) | ((pixels[p + 1] as number) << 8) | (pixels[p + 2] as number));
    }
  }
  return { width, height, colours: seen.size };
}
