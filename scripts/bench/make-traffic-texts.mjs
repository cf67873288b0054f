// Bench texts with what real traffic carries and the template texts lack:
// URLs, @mentions, #hashtags, emoji, order numbers and amounts, Latin words
// inside Chinese, Traditional characters, and long chat turns. Written here,
// from our own fragments (nothing is copied from public data), seeded, so
// every clone benchmarks the same texts. Used by make-texts.mjs.
import { seededRandom } from './seeded-random.mjs';

const pick = (list, next) => list[Math.floor(next() * list.length)];
const digits = (n, next) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');

const SLOTS = {
  '{order}': (next) => digits(10 + Math.floor(next() * 6), next),
  '{amount}': (next) => `${10 + Math.floor(next() * 900)}.${digits(2, next)}`,
  '{n}': (next) => String(2 + Math.floor(next() * 9)),
  '{url}': (next) => pick(['https://t.cn/A6', 'http://url.cn/5x', 'https://m.example-mall.com/o/', 'https://bit.ly/3x'], next) + digits(5, next),
  '{emoji}': (next) => pick(['😡', '😤', '🙄', '😭', '👍', '🙏', '💔', '😡😡😡', '🤬', '😂', '[怒]', '[心碎]'], next),
  '{flight}': (next) => pick(['CA', 'MU', 'AA', 'UA', 'DL'], next) + digits(4, next),
};

function fill(template, next) {
  let s = template;
  for (const [slot, make] of Object.entries(SLOTS)) while (s.includes(slot)) s = s.replace(slot, make(next));
  return s;
}

// Chinese posts and reviews: Simplified and Traditional, with handles, topics, links, numbers and Latin words.
const ZH_HEAD = [
  '@某某快递客服 ', '#双十一维权# ', '【投诉】', '', '', '回复@小二: ', '#客服太差# ', '@银行信用卡中心 ',
];
const ZH_BODY = [
  '订单{order}说好今天到，到现在还没发货', '退款{amount}元申请了{n}天还没到账', 'APP更新以后一直闪退，iPhone和安卓都不行',
  '用戶中心顯示已簽收，但我根本沒收到', '這個客服態度很差，為什麼問題還沒解決', '航班{flight}延误{n}小时也没人通知',
  '宽带报修{n}次了师傅一直不上门', '信用卡被盗刷{amount}元，客服电话打不通', '會員VIP自動續費沒有提醒，扣了{amount}元',
  '外卖送错了还洒了一半', '商品和描述完全不一样，质量太差', '物流信息{n}天没更新了',
];
const ZH_TAIL = [
  '{emoji}', ' {url}', '，再不处理就去12315投诉{emoji}', '。已截图保存 {url}', '！！', '，失望透顶{emoji}', '，麻煩儘快處理，謝謝',
  '', '，求助 {url}', '…还好客服最后帮忙解决了{emoji}',
];

// English posts to brands: handles, hashtags, links, flight and order numbers, emoji, shouting.
const EN_HEAD = ['@AcmeAir ', '@ShopNowHelp ', '@TelcoCares hey ', '', '.@BankCo ', '@FastParcel_UK '];
const EN_BODY = [
  'flight {flight} delayed {n} hrs and no one at the gate',
  'order #{order} says delivered but nothing here',
  'been on hold {n}0 mins for a refund of ${amount}',
  'charged me twice ($ {amount}) and the app just crashes',
  'thanks for sorting my account so fast',
  'third time my internet is down this week',
  'your chatbot closed the chat on me AGAIN',
  'still waiting on the callback you promised {n} days ago',
];
const EN_TAIL = [' {emoji} #fail', ' {url}', ' #neveragain {emoji}', ' 😡😡', '... thanks anyway', ' pls fix', ' #CustomerService {url}', '!!!', ' lol {emoji}', ''];

function posts(head, body, tail, n, seed) {
  const next = seededRandom(seed);
  const out = new Set();
  for (let tries = 0; out.size < n && tries < 100_000; tries++) out.add(fill(pick(head, next) + pick(body, next) + pick(tail, next), next));
  return [...out];
}

/** A chat whose customer turns are long (several sentences each, 200–700 characters), in either language. */
function longChat(turnsWanted, seed) {
  const next = seededRandom(seed);
  const turns = [];
  for (let t = 0; t < turnsWanted; t++) {
    if (t % 2 === 1) {
      turns.push({ speaker: 'agent', text: pick(['非常抱歉给您带来不便，我马上为您核实。', 'I am sorry about this, let me check your order now.', '已为您加急处理，预计24小时内回复。'], next) });
      continue;
    }
    const zh = next() < 0.6;
    let text = '';
    const size = 200 + Math.floor(next() * 500);
    while (text.length < size) text += zh ? fill(pick(ZH_BODY, next) + pick(ZH_TAIL, next) + '。', next) : fill(pick(EN_BODY, next) + pick(EN_TAIL, next) + '. ', next);
    turns.push({ speaker: 'customer', text });
  }
  return turns;
}

export function makeTrafficTexts() {
  return {
    zh: posts(ZH_HEAD, ZH_BODY, ZH_TAIL, 64, 11),
    en: posts(EN_HEAD, EN_BODY, EN_TAIL, 64, 12),
    longChats: [longChat(8, 13), longChat(8, 14), longChat(10, 15), longChat(6, 16)],
  };
}
