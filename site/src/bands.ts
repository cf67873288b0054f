import type { Band } from 'complaint-risk';
import type { Lang } from './i18n.js';

/** Lowest to highest, as the library orders them. */
export const BANDS: readonly Band[] = ['low', 'medium', 'high', 'critical'];

export const BAND_LABELS: Readonly<Record<Band, Record<Lang, string>>> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  critical: { zh: '极高', en: 'critical' },
};

/** What contact centres usually do at each band (the README's wording). */
export const BAND_ACTIONS: Readonly<Record<Band, Record<Lang, string>>> = {
  low: { zh: '正常处理', en: 'Handle as usual' },
  medium: { zh: '关注并设定合理预期', en: 'Keep an eye on it and set honest expectations' },
  high: { zh: '交由资深坐席或主管处理', en: 'Hand it to a senior agent or a supervisor' },
  critical: { zh: '立即升级并安排回访', en: 'Escalate now and schedule a follow-up call (回访)' },
};

export function bandIndex(band: Band): number {
  return BANDS.indexOf(band);
}
