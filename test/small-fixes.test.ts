import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createScorer, validateInteraction } from '../src/index.js';
import { STATISTICAL_WORDS } from '../src/text/statistical-words.js';
import { MINED_COMPLAINT_WORDS } from '../scripts/lexicon/mined-complaint-words.js';
import { runCliWith } from './support/run-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scorer = createScorer();

describe('smaller fixes (issue 15, item 23)', () => {
  it('微信 is a channel alias, as WeChat is', () => {
    const checked = validateInteraction({ channel: '微信' });
    expect(checked.ok && checked.value.channel).toBe('social');
    expect(validateInteraction({ channel: 'WeChat' }).ok).toBe(true);
  });

  it('the Chinese reason for a wait within the norm reads cleanly (no doubled 在, no stray space)', () => {
    const reason = scorer.score({ channel: 'chat', waitSeconds: 10 }).factors.find((f) => f.id === 'wait')?.reason.zh;
    expect(reason).toBe('等待 10 秒，未超过在线客服渠道通常的 30 秒');
    expect(reason).not.toMatch(/在在|\s以内/);
  });

  it('neutral words ("reply", "days", "minutes") move the mood but are not quoted as negative words', () => {
    const result = scorer.score({ channel: 'email', text: 'Still no reply after 3 days, I waited 20 minutes on the phone and it was terrible' });
    const negativity = result.factors.find((f) => f.id === 'negativity');
    const quoted = (negativity?.evidence ?? []).map((e) => e.text.toLowerCase());
    expect(quoted).toContain('terrible');
    for (const word of ['reply', 'days', 'minutes', 'still']) expect(quoted).not.toContain(word);
    expect(new Set(MINED_COMPLAINT_WORDS.map(([w]) => w))).toEqual(STATISTICAL_WORDS);
  });

  it('the session example prints each alert after the turn that caused it, and all in Chinese with --lang zh', () => {
    const zh = execFileSync(process.execPath, ['examples/replay-chat.mjs', '--lang', 'zh'], { cwd: root, encoding: 'utf8' });
    const lines = zh.split('\n');
    const alert = lines.findIndex((l) => l.includes('⚠'));
    expect(alert).toBeGreaterThan(0);
    expect(lines[alert - 1]).toMatch(/^客户 .*我要退款/);
    // Only the model id-free reasons, numbers and Chinese: no English words.
    expect(zh.replace(/JSON/g, '')).not.toMatch(/\b(low|medium|high|critical|customer|agent|turn|start|mood|worsening|risk)\b/);
    const en = execFileSync(process.execPath, ['examples/replay-chat.mjs'], { cwd: root, encoding: 'utf8' }).split('\n');
    const enAlert = en.findIndex((l) => l.includes('⚠'));
    expect(en[enAlert - 1]).toMatch(/^customer /);
  });

  it('evaluate --help does not offer --attribute (fit --help does); --version prints the version', async () => {
    expect((await runCliWith(['evaluate', '--help'])).stdout).not.toMatch(/--attribute/);
    expect((await runCliWith(['fit', '--help'])).stdout).toMatch(/--attribute/);
    const version = await runCliWith(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`complaint-risk ${(JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version}\n`);
    expect((await runCliWith(['--help'])).stdout).toMatch(/Exit codes[\s\S]*\n {2}2 {2}usage or I\/O/);
  });
});
