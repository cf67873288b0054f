import type { FeatureKind } from './feature-kind.js';
import type { FlagFeatureSpec } from './feature-spec-schema.js';

/** Yes/no signals: 1 when set, 0 when cleared. */
export const flagFeature: FeatureKind<FlagFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const flag = ctx.interaction[spec.signal];
    out[offset] = flag === undefined ? NaN : flag ? 1 : 0;
    return flag;
  },
  reason(_spec, value) {
    return value
      ? { zh: '问题仍未解决', en: 'The issue is still unresolved' }
      : { zh: '问题已解决', en: 'The issue is resolved' };
  },
};
