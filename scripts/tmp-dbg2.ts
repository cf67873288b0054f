import { analyzeText } from '../src/index.js';
for (const t of ['积分 被清零', '额度 莫名 降了', '账单 对不上', '手续费 扣了 两遍', '积分 到账', '账单 已经 收到', '额度 已 调整', '柜台 排号 取消', 'bumped off the list', 'seat sold twice', 'gate agent shrugged', 'luggage went to another city', 'boarding pass arrived', 'seat upgrade confirmed', 'lounge access works', 'meal voucher handed over'])
  { const a = analyzeText(t); console.log(t, a.sentiment.toFixed(2), a.cues.map(c => c.kind + ':' + c.text).join(' ')); }
