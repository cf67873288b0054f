#!/usr/bin/env node
// Replays a simulated chat turn by turn through a live session and prints the
// risk after each turn, the way an agent desktop would refresh it.
//   npm run example:session            (English reasons)
//   npm run example:session -- --lang zh
import { createSession } from 'complaint-risk';

const lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'zh' ? 'zh' : 'en';

// A food-delivery chat we wrote for this example: a wrong order, a slow reply,
// a promise, and a customer who runs out of patience.
const chat = [
  { speaker: 'customer', text: '你好，我的外卖送错了，我点的是牛肉饭，送来的是炒面。', at: '2026-11-23T12:00:00Z' },
  { speaker: 'agent', text: '非常抱歉，我马上帮您核实。', at: '2026-11-23T12:00:30Z' },
  { speaker: 'customer', text: '好的，我午休只有半小时。', at: '2026-11-23T12:01:00Z' },
  { speaker: 'customer', text: '在吗？已经过去十分钟了，怎么没人回复？', at: '2026-11-23T12:09:00Z' },
  { speaker: 'agent', text: '抱歉久等，我们会在20分钟内为您重新配送。', at: '2026-11-23T12:11:00Z' },
  { speaker: 'customer', text: '20分钟？我都吃不上饭了，太过分了！我要退款，不然就给差评投诉你们！', at: '2026-11-23T12:11:40Z' },
];

const WORDS = {
  en: { start: 'start', speaker: { customer: 'customer', agent: 'agent' }, band: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' }, rose: 'risk rose', turn: 'turn', step: 'supervisor should step in', mood: 'mood', direction: { worsening: 'worsening', improving: 'improving', steady: 'steady' }, state: 'session state (save and restore later)', bytes: 'bytes of JSON' },
  zh: { start: '开始', speaker: { customer: '客户', agent: '坐席' }, band: { low: '低', medium: '中', high: '高', critical: '紧急' }, rose: '风险升级', turn: '第', step: '建议主管介入', mood: '情绪走势', direction: { worsening: '变差', improving: '好转', steady: '平稳' }, state: '会话状态（可保存后恢复）', bytes: '字节 JSON' },
}[lang];
const band = (b) => WORDS.band[b];
const turnNumber = (n) => (lang === 'zh' ? `第 ${n} 轮` : `turn ${n}`);

const session = createSession(
  { channel: 'chat', waitSeconds: 25, unresolved: true },
  {
    // Called inside addTurn: the turn that caused it has been printed just before.
    onBandRise: ({ from, to, turn }) => console.log(`  ⚠ ${WORDS.rose}: ${band(from)} → ${band(to)} (${turnNumber(turn + 1)}) — ${WORDS.step}`),
  },
);

const pct = (p) => `${(p * 100).toFixed(1)}%`.padStart(6);
const pad = (text, width) => text + ' '.repeat(Math.max(1, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
console.log(`${pad(WORDS.start, 17)}${pad(band(session.current().band), 9)}${pct(session.current().probability)}`);
for (const turn of chat) {
  console.log(`${pad(WORDS.speaker[turn.speaker], 10)}${turn.text}`);
  const result = session.addTurn(turn);
  const top = result.factors[0];
  console.log(`  → ${pad(band(result.band), 9)}${pct(result.probability)}  ${top ? top.reason[lang] : ''}`);
}
const trend = session.trend();
if (trend) console.log(`\n${WORDS.mood}: ${trend.start.toFixed(2)} → ${trend.end.toFixed(2)} (${WORDS.direction[trend.direction]})`);
console.log(`${WORDS.state}: ${JSON.stringify(session.toJSON()).length} ${WORDS.bytes}`);
