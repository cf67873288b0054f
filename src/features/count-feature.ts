import { diminishing, type FeatureKind } from './feature-kind.js';
import type { CountFeatureSpec } from '../schema/feature-spec-schema.js';
import type { Bilingual } from '../types.js';

/** Repeat contacts, transfers and prior complaints, with diminishing returns. */
export const countFeature: FeatureKind<CountFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const n = ctx.interaction[spec.signal];
    if (n === undefined) {
      out[offset] = NaN;
      return undefined;
    }
    out[offset] = diminishing(n, spec.cap);
    return n;
  },
  reason(spec, value) {
    return COUNT_REASONS[spec.signal](value as number);
  },
};

const COUNT_REASONS: Record<CountFeatureSpec['signal'], (n: number) => Bilingual> = {
  repeatContacts: (n) =>
    n === 0
      ? { zh: '首次就此问题联系', en: 'First contact about this issue' }
      : { zh: `此前已就同一问题联系 ${n} 次`, en: `${n} earlier ${n === 1 ? 'contact' : 'contacts'} about the same issue` },
  transfers: (n) =>
    n === 0
      ? { zh: '未经转接', en: 'Not transferred' }
      : { zh: `被转接 ${n} 次`, en: `Transferred ${n} ${n === 1 ? 'time' : 'times'}` },
  priorComplaints: (n) =>
    n === 0
      ? { zh: '此前没有正式投诉', en: 'No formal complaints before' }
      : { zh: `此前正式投诉过 ${n} 次`, en: `Filed ${n} formal ${n === 1 ? 'complaint' : 'complaints'} before` },
};
