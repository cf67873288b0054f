// Generated labelled history for the fit-memory bench: CSV rows with the
// interaction columns, a label drawn from a known logistic model, and words
// (about 70 % of rows; Chinese and English) built from pools of our own
// writing, so a fit meets tens of thousands of distinct candidate terms, as
// with a real month of contacts, not a dozen repeated sentences.
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from './seeded-random.mjs';

const FORMAT = 'v1'; // bump when the generated rows change

const HAN = '我们你他她的了是不在有这个人来到说要就会能对出去把那里好还没想看给钱卡号费用账单银行信用贷款利息转账余额手机流量套餐快递包裹订单商品退货换货客服经理电话网点等待排队处理解决问题投诉退款赔偿态度服务系统故障扣款重复多收延误取消预约地址签收损坏质量维修安装上门时间今天昨天已经一直还是终于马上明天下午晚上为什么怎么到底真的非常特别实在太很又再次第三次两个小时分钟天周月年'.split('');
const EN = (
  'account card bank loan interest transfer balance phone data plan parcel order item return exchange agent manager call branch wait queue fix issue ' +
  'problem refund compensation attitude service system outage charge double billed delay cancel booking address delivered damaged quality repair ' +
  'install visit time today yesterday already still again finally tomorrow afternoon evening why how really very extremely hours minutes days week ' +
  'month the a my your our I you we they it is was not no never still have has been got get want need please help thanks hello sorry ok fine good ' +
  'great bad terrible awful slow fast late early wrong right new old first second third last every some any many more less only just also too'
).split(' ');
/** Words that move the true risk: the learned terms should find them. */
const RISKY = { 投诉: 1.2, 退款: 0.7, 经理: 0.5, 赔偿: 0.6, 故障: 0.4, refund: 0.7, manager: 0.5, complaint: 1.2, lawyer: 1.0, cancel: 0.5, thanks: -0.6, 谢谢: -0.6, 满意: -0.5 };
const RISKY_WORDS = Object.keys(RISKY);
const CHANNELS = ['phone', 'phone', 'phone', 'chat', 'chat', 'branch', 'app', 'social', 'email'];
const EXPECTED = { phone: 20, chat: 30, email: 86_400, branch: 600, app: 60, social: 3_600 };

function makeText(random) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const words = [];
  let risk = 0;
  const zh = random() < 0.5;
  const n = zh ? 8 + Math.floor(random() * 24) : 5 + Math.floor(random() * 16);
  for (let k = 0; k < n; k++) {
    if (random() < 0.06) {
      const w = pick(RISKY_WORDS);
      words.push(w);
      risk += RISKY[w];
    } else if (zh) words.push(pick(HAN));
    else words.push(pick(EN));
  }
  return { text: zh ? words.join('') + (random() < 0.3 ? '！' : '。') : words.join(' ') + (random() < 0.3 ? '!' : '.'), risk };
}

const quote = (v) => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes `rows` rows to `file` (reused when it exists); returns the file. */
export async function fitDataFile(rows, file, seed = 1) {
  if (existsSync(file)) return file;
  const random = seededRandom(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const geometric = (p) => Math.floor(Math.log(1 - random()) / Math.log(1 - p));
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  out.write('channel,waitSeconds,repeatContacts,transfers,unresolved,priorComplaints,text,complained\n');
  let chunk = [];
  for (let i = 0; i < rows; i++) {
    const channel = pick(CHANNELS);
    const wait = Math.round(EXPECTED[channel] * Math.exp(Math.log(0.1) + random() * Math.log(80)) * 10) / 10;
    const repeat = geometric(0.55);
    const transfers = geometric(0.7);
    const unresolved = random() < 0.3;
    const prior = geometric(0.85);
    const words = random() < 0.7 ? makeText(random) : undefined;
    const eta = -3.2 + 0.5 * Math.log1p(wait / EXPECTED[channel]) + 0.35 * repeat + 0.25 * transfers + 0.9 * (unresolved ? 1 : 0) + 0.4 * prior + (words?.risk ?? 0);
    const label = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    chunk.push([channel, wait, repeat, transfers, unresolved ? 1 : 0, prior, words?.text, label].map(quote).join(','));
    if (chunk.length === 10_000 || i === rows - 1) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

export const FIT_DATA_FORMAT = FORMAT;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows = '200000', file = `/tmp/complaint-risk-fit-${FORMAT}-${rows}.csv`] = process.argv.slice(2);
  console.log(await fitDataFile(Number(rows), file));
}
