// A model whose 5,000 terms come from running `fit` (complaint-risk/calibrate),
// for the benchmark's realistic row: labelled texts of our own writing, the
// bench texts' clauses recombined with domain words (accounts, parcels,
// bills, branches), each text labelled a complaint with a probability set by
// its parts. Unlike terms-model.ts (every n-gram of the bench texts, the
// worst case), only what the fit keeps is in the vocabulary, as in a model a
// team would ship. Seeded, so every run fits the same model.
import { calibrate, lib } from './library.js';
import { texts } from './bench-inputs.js';
import { seededRandom } from '../src/calibrate/seeded-random.js';
import type { Interaction, Model } from '../src/index.js';

const RECORDS = 16_000;

const ZH_NOUNS = [
  '账户', '信用卡', '积分', '快递员', '包裹', '话费', '流量', '宽带', '网点', '柜台', '客服', '经理', '贷款', '利息', '手续费',
  '退款', '订单', '发票', '会员', '优惠券', '航班', '行李', '座位', '机票', '酒店', '房间', '押金', '水电费', '燃气', '电表',
  '短信', '验证码', '密码', '银行卡', '转账', '余额', '账单', '套餐', '合同', '保单', '理赔', '维修', '师傅', '配送', '门店',
  '外卖', '骑手', '商家', '售后', '工单', '投诉单', '预约', '排号', '窗口', '系统', '页面', '登录', '额度', '分期', '年费',
];
const ZH_STATES = [
  '一直没到账', '被冻结了', '多扣了钱', '显示异常', '没人处理', '打不开', '又出错了', '迟迟不给办', '被取消了', '莫名其妙扣费',
  '处理得很快', '办好了', '已经收到了', '挺方便的', '服务很周到', '查询一下', '想咨询一下', '需要修改', '还没审核', '丢失了',
  '少了一半', '价格不对', '态度很差', '推来推去', '没有回复', '延误了三次', '质量太差', '根本不能用', '按时到了', '解决了',
];
const EN_NOUNS = [
  'account', 'card', 'points', 'courier', 'parcel', 'bill', 'data plan', 'broadband', 'branch', 'counter', 'agent', 'manager',
  'loan', 'interest', 'fee', 'refund', 'order', 'invoice', 'membership', 'voucher', 'flight', 'luggage', 'seat', 'ticket',
  'hotel', 'room', 'deposit', 'meter', 'statement', 'password', 'transfer', 'balance', 'contract', 'policy', 'claim', 'repair',
  'technician', 'delivery', 'store', 'app', 'website', 'login', 'limit', 'subscription', 'router', 'phone line', 'payment',
];
const EN_STATES = [
  'never arrived', 'got frozen', 'was charged twice', 'shows an error', 'is still pending', 'was cancelled without notice',
  'keeps failing', 'is completely wrong', 'went missing', 'was denied again', 'arrived on time', 'works fine now',
  'was sorted quickly', 'needs an update', 'is fine thanks', 'was upgraded', 'is overdue', 'stopped working', 'got lost',
  'was refunded', 'is broken', 'was delayed for hours', 'has a strange charge', 'looks good',
];
/** Clauses of the bench texts themselves: the traffic this model is fitted on and scored with. */
const ZH_CLAUSES = texts.zhShort.flatMap((t) => t.split(/[，。！？]/)).filter((c) => c.length > 1);
const EN_CLAUSES = texts.enShort.flatMap((t) => t.split(/[.!?,]/)).map((c) => c.trim()).filter((c) => c.length > 3);

function records(): (Interaction & { label: boolean })[] {
  const next = seededRandom(11);
  // A hidden log-odds per part, so the words carry the label as in a real history.
  const effect = new Map<string, number>();
  const weigh = (part: string): number => {
    let w = effect.get(part);
    if (w === undefined) effect.set(part, (w = (next() * 2 - 1) * 1.5));
    return w;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out: (Interaction & { label: boolean })[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const zh = i % 2 === 0;
    const parts = zh
      ? [pick(ZH_NOUNS), pick(ZH_STATES), pick(ZH_CLAUSES), pick(ZH_NOUNS), pick(ZH_STATES)]
      : [pick(EN_NOUNS), pick(EN_STATES), pick(EN_CLAUSES), pick(EN_NOUNS), pick(EN_STATES)];
    const text = zh
      ? `我的${parts[0]}${parts[1]}，${parts[2]}，${parts[3]}${parts[4]}`
      : `My ${parts[0]} ${parts[1]}, ${(parts[2] as string).toLowerCase()}, and the ${parts[3]} ${parts[4]}`;
    let eta = -1;
    for (const part of parts) eta += weigh(part);
    out.push({ channel: pick(['phone', 'chat', 'app', '电话']), waitSeconds: Math.floor(next() * 1200), text, label: next() < 1 / (1 + Math.exp(-eta)) });
  }
  return out;
}

function fitted(): Model {
  // A fixed ridge strength: cross-validating it triples the fit and does not change what is benchmarked.
  const { model } = calibrate.fit(records(), { baseModel: lib.defaultModel, terms: { maxTerms: 5_000, l2: 1 } });
  const terms = model.features.find((f) => f.kind === 'terms');
  const count = terms !== undefined && 'terms' in terms ? terms.terms.length : 0;
  if (count !== 5_000) throw new Error(`the fitted bench model holds ${count} terms, not 5,000: generate more varied records`);
  return model;
}

export const fittedTermsModel = fitted();
