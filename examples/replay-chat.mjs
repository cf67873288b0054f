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

const session = createSession(
  { channel: 'chat', waitSeconds: 25, unresolved: true },
  {
    onBandRise: ({ from, to, turn }) =>
      console.log(`  ⚠ ${lang === 'zh' ? '风险升级' : 'risk rose'}: ${from} → ${to} (turn ${turn + 1}) — ${lang === 'zh' ? '建议主管介入' : 'supervisor should step in'}`),
  },
);

const pct = (p) => `${(p * 100).toFixed(1)}%`.padStart(6);
console.log(`start            ${session.current().band.padEnd(8)} ${pct(session.current().probability)}`);
for (const turn of chat) {
  const result = session.addTurn(turn);
  const top = result.factors[0];
  console.log(`${turn.speaker.padEnd(9)} ${turn.text}`);
  console.log(`  → ${result.band.padEnd(8)} ${pct(result.probability)}  ${top ? top.reason[lang] : ''}`);
}
const trend = session.trend();
if (trend) console.log(`\n${lang === 'zh' ? '情绪走势' : 'mood'}: ${trend.start.toFixed(2)} → ${trend.end.toFixed(2)} (${trend.direction})`);
console.log(`${lang === 'zh' ? '会话状态（可保存后恢复）' : 'session state (save and restore later)'}: ${JSON.stringify(session.toJSON()).length} bytes of JSON`);
