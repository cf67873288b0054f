import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultModel } from '../../src/index.js';
import { terminalSafe, terminalText } from '../../src/cli/terminal-safe.js';
import { runCliWith } from '../support/run-cli.js';
import { customerWords, hostileString } from '../support/arbitraries.js';
import { createScoreContext, emptyTally, renderItem, type ScoreSettings } from '../../src/cli/score-batch/score-context.js';

/** Bytes that must never reach a terminal raw (the line feed aside, which every output has). */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;
/** ESC ] 0 ; title BEL: sets the terminal's title; ESC [ 2 J clears the screen. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u009b31m';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-escape-'));

function expectClean(run: { stdout: string; stderr: string }): void {
  const bad = (run.stdout + run.stderr).match(RAW_UNSAFE);
  expect(bad, `raw ${JSON.stringify(bad?.[0])} in ${JSON.stringify((run.stdout + run.stderr).slice(0, 600))}`).toBeNull();
}

function hostileModelFile(): string {
  const model = { ...JSON.parse(JSON.stringify(defaultModel)), id: `evil${HOSTILE}@1` };
  const path = join(dir, 'hostile-model.json');
  writeFileSync(path, JSON.stringify(model));
  return path;
}

const rows = (n: number, label = 'complained'): string => {
  const lines = [`channel,waitSeconds,repeatContacts,${label}`];
  for (let i = 0; i < n; i++) lines.push(`${i % 2 ? 'phone' : 'chat'},${(i * 37) % 900},${i % 3},${i % 4 === 0 ? 1 : 0}`);
  return lines.join('\n') + '\n';
};

/** The escaping as one regular-expression pass, the definition the table-driven check must agree with. */
const REFERENCE_SET = '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}\\u{1d173}-\\u{1d17a}';
const referenceEscape = (c: string): string => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
const referenceSafe = (text: string): string => text.replace(new RegExp(`[${REFERENCE_SET}]`, 'gu'), referenceEscape);
/** Line feeds, and a CR right before one, stay; every other character of the set is escaped. */
const referenceText = (text: string): string => text.replace(new RegExp(`\\r\\n|\\n|[${REFERENCE_SET}]`, 'gu'), (c) => (c === '\r\n' || c === '\n' ? c : referenceEscape(c)));

describe('terminal escaping: the fast check agrees with the one-regex definition', () => {
  const tricky = ['\n', '\r', '\r\n', '\u001b', '\u0085', '\u00ad', '\u2028', '\u202e', '\u206f', '\ufeff', '\ufffb', '\u{e0000}', '\u{e007f}', '\u{e0080}', '\u{1d172}', '\u{1d173}', '\u{1d17a}', '\u{1d17b}', '\ud834', '\udb40', '\udc00', '😀', '❤️', '投诉', 'a', ' '];
  const pieces = fc.array(fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: 'binary' })), { maxLength: 12 }).map((p) => p.join(''));
  it('terminalSafe and terminalText equal the reference on any text', () => {
    fc.assert(
      fc.property(pieces, (text) => {
        expect(terminalSafe(text)).toBe(referenceSafe(text));
        expect(terminalText(text)).toBe(referenceText(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('hands a clean text back as it is', () => {
    const clean = '{"probability":0.5,"reason":{"zh":"客户说“投诉”","en":"said \\"complain\\""}}\n';
    expect(terminalText(clean)).toBe(clean);
    expect(terminalText('a,b\r\n')).toBe('a,b\r\n');
    expect(terminalText('a\rb')).toBe('a\\u000db');
  });
});

describe('terminal escaping on every CLI output path (issue 15, items 7 and 8)', () => {
  it('escapes invisible format characters as well as controls', () => {
    for (const c of ['\u2060', '\u2061', '\u2064', '\u206a', '\u206f', '\u00ad', '\u180e', '\u034f', '\u{e0001}', '\u{e0041}', '\u{e007f}', '\ufff9', '\ufffb', '\u115f', '\u1160', '\u3164', '\uffa0']) {
      const shown = terminalSafe(`a${c}b`);
      expect(shown, JSON.stringify(c)).not.toMatch(RAW_UNSAFE);
      expect(shown).toMatch(/^a(\\u[0-9a-f]{4})+b$/);
    }
    // Beyond the BMP the escape is a surrogate pair: inside a JSON string it is JSON for the same text.
    expect(JSON.parse(`"${terminalText('x\u{e0041}y')}"`)).toBe('x\u{e0041}y');
    expect(terminalText('line 1\nline 2\u001b')).toBe('line 1\nline 2\\u001b');
    // Emoji keep their presentation selector.
    expect(terminalSafe('❤️')).toBe('❤️');
  });

  it('score, explain: a hostile model id and customer words never reach the terminal raw', async () => {
    const model = hostileModelFile();
    const line = JSON.stringify({ channel: 'phone', text: `我要投诉${HOSTILE}\u2062\u{e0041}` });
    for (const args of [
      ['score', '--model', model, '--format', 'table'],
      ['score', '--model', model],
      ['explain', '-', '--model', model],
      ['explain', '-', '--model', model, '--json'],
    ]) {
      const run = await runCliWith(args, line + '\n');
      expect(run.code, args.join(' ')).toBe(0);
      expectClean(run);
    }
    // JSON output stays JSON for the same strings.
    const json = await runCliWith(['score', '--model', model], line + '\n');
    expect(JSON.parse(json.stdout).modelId).toBe(`evil${HOSTILE}@1`);
  });

  it('bad-row reports quoting a JSON snippet, columns left out, and usage errors quoting headers', async () => {
    const jsonl = join(dir, 'bad.jsonl');
    writeFileSync(jsonl, `{"channel":"phone","label":1}\n${HOSTILE}{"channel":\n{"channel":"fax${HOSTILE}","label":0}\n`);
    const fitBad = await runCliWith(['fit', jsonl, '--label', 'label', '--out', join(dir, 'never.json')]);
    expect(fitBad.code).toBe(1);
    expect(fitBad.stderr).toMatch(/line 2/);
    expectClean(fitBad);
    const evalBad = await runCliWith(['evaluate', jsonl]);
    expect(evalBad.code).toBe(1);
    expectClean(evalBad);

    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, rows(40).replace('complained', `complained,note${HOSTILE}`).replace(/\n(?=.)/g, (m, at: number) => (at === 0 ? m : m)).split('\n').map((l, i) => (i === 0 || l === '' ? l : `${l},x`)).join('\n'));
    const fitWide = await runCliWith(['fit', wide, '--label', 'complained', '--out', join(dir, 'wide-model.json'), '--cv', '0']);
    expect(fitWide.stderr).toMatch(/left out: note/);
    expectClean(fitWide);

    const usage = await runCliWith(['fit', wide, '--label', `nope${HOSTILE}`, '--out', join(dir, 'x.json')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/no column/);
    expectClean(usage);
    const unknown = await runCliWith([`bogus${HOSTILE}`]);
    expect(unknown.code).toBe(2);
    expectClean(unknown);
  });

  it('fit and evaluate summaries, drift column names and category levels from data', async () => {
    const model = hostileModelFile();
    const csv = join(dir, 'history.csv');
    writeFileSync(csv, rows(60));
    for (const args of [
      ['evaluate', '--model', model, csv, '--label', 'complained'],
      ['evaluate', '--model', model, csv, '--label', 'complained', '--drift', csv],
      ['fit', csv, '--label', 'complained', '--out', join(dir, 'fitted.json'), '--base', model, '--cv', '0'],
    ]) {
      const run = await runCliWith(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/evil/);
      expectClean(run);
    }
    // A category whose levels (from the data) carry escapes: fit's notes and evaluate --drift name them.
    const tiers = join(dir, 'tiers.csv');
    const lines = ['channel,waitSeconds,tier,complained'];
    for (let i = 0; i < 80; i++) lines.push(`phone,${(i * 53) % 700},${['gold', `va${HOSTILE}`, 'basic'][i % 3]},${i % 3 === 1 || i % 7 === 0 ? 1 : 0}`);
    writeFileSync(tiers, lines.join('\n') + '\n');
    const out = join(dir, 'tiers-model.json');
    const fitted = await runCliWith(['fit', tiers, '--label', 'complained', '--out', out, '--attribute', 'tier:category', '--cv', '0']);
    expect(fitted.code, fitted.stderr).toBe(0);
    expectClean(fitted);
    const shifted = join(dir, 'tiers-later.csv');
    writeFileSync(shifted, lines.map((l, i) => (i === 0 ? l : l.replace(',gold,', `,va${HOSTILE},`))).join('\n') + '\n');
    const drift = await runCliWith(['evaluate', '--model', out, shifted, '--label', 'complained', '--drift', tiers]);
    expect(drift.code, drift.stderr).toBe(0);
    expect(drift.stdout).toMatch(/tier\.va/);
    expectClean(drift);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(out, 'utf8')).toContain('\\u001b');
  });
});

describe('one output boundary', () => {
  it('every CLI module writes through write-output.ts (escaped, errors handled), never to a stream directly', async () => {
    const { readdirSync: list, readFileSync: read, statSync } = await import('node:fs');
    const root = new URL('../../src/cli/', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of list(d)) statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') && files.push(join(d, f));
    };
    walk(root);
    const direct = files.filter((f) => !f.endsWith('write-output.ts') && /\b(io\.(stdout|stderr)|process\.(stdout|stderr)|out|err|stream)\.write\(/.test(read(f, 'utf8')));
    expect(direct.map((f) => f.slice(root.length))).toEqual([]);
  });
});

describe('JSON lines: a row with nothing unsafe in it skips the escaping pass, and its line still needs none', () => {
  // Characters a terminal must not see, raw and as the JSON escapes that decode to them.
  const unsafe = ['\u001b', '\u0007', '\u009b', '\u0085', '\u00ad', '\u202e', '\u2066', '\u200b', '\ufeff', '\u{e0041}', '\u{1d173}', '\u2028'];
  const words = fc.oneof(customerWords, hostileString, fc.constantFrom(...unsafe).map((c) => `我要投诉${c}退款`));
  const value = fc.oneof(words, fc.integer(), fc.boolean(), fc.constant(null));
  const row = fc.record(
    {
      channel: fc.oneof(fc.constantFrom('phone', 'chat', 'email', 'branch', '电话', 'app'), words),
      text: fc.oneof(words, fc.array(fc.record({ speaker: fc.constantFrom('customer', 'agent'), text: words }), { maxLength: 3 })),
      waitSeconds: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(-1)),
      repeatContacts: fc.integer({ min: 0, max: 5 }),
      id: fc.oneof(words, fc.integer()),
      note: value,
    },
    { requiredKeys: [] },
  );
  // A row as JSON.stringify writes it (C0 escaped, the rest raw), with every character escaped, or cut short (invalid).
  const line = fc.tuple(row, fc.constantFrom('raw', 'escaped', 'cut')).map(([r, how]) => {
    const json = JSON.stringify(r);
    if (how === 'escaped') return json.replace(/[^\x20-\x7e]/gu, referenceEscape);
    return how === 'cut' ? json.slice(0, Math.max(1, json.length - 3)) : json;
  });
  const settingsFor = (compact: boolean, keep: string[]): ScoreSettings => ({
    rows: { keep, channel: undefined },
    form: { format: 'json', compact, lang: 'en', top: undefined, keep, points: false },
  });

  it('every line is already what terminalText makes of it', () => {
    const contexts = [createScoreContext(defaultModel, settingsFor(false, [])), createScoreContext(defaultModel, settingsFor(true, ['note']))];
    expect(contexts.every((c) => c.escapesFollowRow)).toBe(true);
    fc.assert(
      fc.property(line, (json) => {
        for (const context of contexts) {
          const out = renderItem(context, { line: 1, json }, emptyTally());
          expect(terminalText(out)).toBe(out);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a model or an option holding such a character turns the shortcut off', () => {
    const evil = { ...defaultModel, id: 'evil\u202e@1' };
    expect(createScoreContext(evil, settingsFor(false, [])).escapesFollowRow).toBe(false);
    expect(createScoreContext(defaultModel, settingsFor(false, ['no\u009bte'])).escapesFollowRow).toBe(false);
    expect(createScoreContext(defaultModel, { ...settingsFor(false, []), form: { ...settingsFor(false, []).form, format: 'table' } }).escapesFollowRow).toBe(false);
  });
});
