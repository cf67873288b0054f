import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import type { FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel } from '../spec-parts.js';
import { freshReason } from '../../core/fresh-reason.js';

export const flagSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('flag'),
    signal: z.enum(['unresolved']),
    label: featureLabel,
  }),
);
export type FlagSpec = z.output<typeof flagSpecSchema>;

/** Yes/no signals: 1 when set, 0 when cleared. */
export const flagKind: FeatureKind<typeof flagSpecSchema, boolean> = {
  kind: 'flag',
  schema: flagSpecSchema,
  readsText: false,
  columns: (spec) => [spec.id],
  compile(spec) {
    const signal = spec.signal;
    return {
      evaluate(ctx, out, offset) {
        const flag = ctx.interaction[signal];
        out[offset] = flag === undefined ? NaN : flag ? 1 : 0;
        return flag;
      },
      reason: (flag) => freshReason(flag ? UNRESOLVED : RESOLVED),
    };
  },
};

const UNRESOLVED = { zh: '问题仍未解决', en: 'The issue is still unresolved' };
const RESOLVED = { zh: '问题已解决', en: 'The issue is resolved' };
