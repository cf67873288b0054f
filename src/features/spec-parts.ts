import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';
import { CHANNELS, type Channel } from '../core/channels.js';

/** Pieces every kind's definition is built from, so the rules for ids, labels and caps are written once. */

export const featureId = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'feature id must be a letter followed by letters, digits or _ (≤ 64)' }),
);

/** How a report or a UI names the feature; reasons are worded by the kind. */
export const featureLabel = /* @__PURE__ */ lazySchema(() => z.strictObject({ zh: z.string().max(200), en: z.string().max(200) }).optional());

export const channelEnum = /* @__PURE__ */ lazySchema(() => z.enum(CHANNELS));

/** Seconds for every channel: what its customers take as a normal wait. */
export function perChannelSeconds() {
  return z.strictObject(
    Object.fromEntries(CHANNELS.map((c) => [c, z.number().positive().max(1e8)])) as Record<Channel, z.ZodNumber>,
  );
}

export const positiveCap = /* @__PURE__ */ lazySchema(() => z.number().positive().max(1e6));

/**
 * A list of levels (one-hot columns) in which no level repeats: a repeated
 * level would make two columns of one name, and its weight count twice.
 */
export function distinctLevels<T extends z.ZodType<string>>(level: T, max: number) {
  return z
    .array(level)
    .min(1)
    .max(max)
    .superRefine((levels, ctx) => {
      const seen = new Set<string>();
      levels.forEach((l, i) => {
        if (seen.has(l)) ctx.addIssue({ code: 'custom', path: [i], message: `level ${JSON.stringify(l.slice(0, 80))} is listed twice` });
        seen.add(l);
      });
    });
}
