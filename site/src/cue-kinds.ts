import type { Lang } from './i18n.js';

/**
 * Names for the cue kinds the library reports today. Kinds are open-ended
 * (models may add their own, such as learned terms): an unknown kind shows
 * under its own name and, in the stylesheet, a neutral colour.
 */
const KIND_NAMES: Readonly<Record<string, Record<Lang, string>>> = {
  negative: { zh: '负面', en: 'negative' },
  positive: { zh: '正面', en: 'positive' },
  negation: { zh: '否定', en: 'negation' },
  intensifier: { zh: '程度加强', en: 'intensifier' },
  dampener: { zh: '程度减弱', en: 'dampener' },
  contrast: { zh: '转折', en: 'contrast' },
  punctuation: { zh: '标点', en: 'punctuation' },
  caps: { zh: '大写', en: 'capitals' },
  emoji: { zh: '表情', en: 'emoji' },
  repetition: { zh: '重复', en: 'repetition' },
  intent: { zh: '投诉意图', en: 'intent to complain' },
  wait: { zh: '等待', en: 'waiting' },
  repeat: { zh: '反复联系', en: 'repeat contact' },
  unresolved: { zh: '未解决', en: 'unresolved' },
  billing: { zh: '费用', en: 'billing' },
  delivery: { zh: '配送', en: 'delivery' },
  attitude: { zh: '服务态度', en: 'attitude' },
  fairness: { zh: '公平', en: 'fairness' },
  term: { zh: '学习词项', en: 'learned term' },
};

export function kindName(kind: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(KIND_NAMES, kind) ? (KIND_NAMES[kind] as Record<Lang, string>)[lang] : kind;
}
