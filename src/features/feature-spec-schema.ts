import * as z from 'zod';
import { CHANNELS } from '../core/channels.js';

/**
 * Feature definitions as they appear in a model file. Each kind is computed
 * by its module in `src/features/`; the columns a kind produces are named
 * after the feature id (one column, or `id.level` for one-hot kinds).
 */
const featureId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'feature id must be a letter followed by letters, digits or _ (≤ 64)' });

const label = z.strictObject({ zh: z.string().max(200), en: z.string().max(200) }).optional();

const channelEnum = z.enum(CHANNELS);

/** Seconds for every channel: what its customers take as a normal wait. */
function perChannelSeconds() {
  return z.strictObject(
    Object.fromEntries(CHANNELS.map((c) => [c, z.number().positive().max(1e8)])) as Record<(typeof CHANNELS)[number], z.ZodNumber>,
  );
}
const positiveCap = z.number().positive().max(1e6);

export const waitFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('wait'),
  /** What each channel's customers take as a normal wait, in seconds. */
  expectedSeconds: perChannelSeconds(),
  /** Upper bound of log2(1 + wait / expected): beyond it a longer wait says nothing new. */
  cap: positiveCap,
  label,
});

export const countFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('count'),
  signal: z.enum(['repeatContacts', 'transfers', 'priorComplaints']),
  /** Upper bound of log2(1 + n). */
  cap: positiveCap,
  /**
   * For repeatContacts: when the interaction carries dated `history`, each
   * earlier contact counts 0.5^(age in days / half-life) instead of 1.
   */
  halfLifeDays: z.number().positive().max(3650).optional(),
  label,
});

export const flagFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('flag'),
  signal: z.enum(['unresolved']),
  label,
});

export const channelFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('channel'),
  /** One column per level; a channel not listed here scores as the reference. */
  levels: z.array(channelEnum).min(1).max(CHANNELS.length),
  label,
});

export const TEXT_SIGNALS = ['negativity', 'intensity', 'intent', 'problems'] as const;
export type TextSignal = (typeof TEXT_SIGNALS)[number];

export const textFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('text'),
  signal: z.enum(TEXT_SIGNALS),
  /** Upper bound of the signal's value (counts are taken as log2(1 + n) first). */
  cap: positiveCap,
  label,
});

export const CONVERSATION_SIGNALS = ['worsening', 'repeats', 'apology', 'promise', 'transferAnnounced', 'agentSilence'] as const;
export type ConversationSignal = (typeof CONVERSATION_SIGNALS)[number];

export const conversationFeatureSchema = z
  .strictObject({
    id: featureId,
    kind: z.literal('conversation'),
    signal: z.enum(CONVERSATION_SIGNALS),
    /** Upper bound of the column value. */
    cap: positiveCap,
    /** For agentSilence: the reply time each channel's customers expect, in seconds. */
    expectedSeconds: perChannelSeconds().optional(),
    label,
  })
  .refine((spec) => spec.signal !== 'agentSilence' || spec.expectedSeconds !== undefined, {
    path: ['expectedSeconds'],
    error: 'agentSilence needs expectedSeconds per channel',
  });

const attributeName = z
  .string()
  .min(1)
  .max(100)
  .refine((n) => n !== '__proto__' && n !== 'constructor' && n !== 'prototype', { error: 'attribute name not allowed' });

export const attributeFeatureSchema = z.strictObject({
  id: featureId,
  kind: z.literal('attribute'),
  /** Key in `interaction.attributes`. */
  name: attributeName,
  type: z.enum(['number', 'boolean', 'category']),
  /** For categories: one column per level. */
  levels: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
  transform: z.enum(['identity', 'log1p']).optional(),
  cap: positiveCap.optional(),
  label,
});

export const featureSpecSchema = z.discriminatedUnion('kind', [
  waitFeatureSchema,
  countFeatureSchema,
  flagFeatureSchema,
  channelFeatureSchema,
  textFeatureSchema,
  conversationFeatureSchema,
  attributeFeatureSchema,
]);

export type WaitFeatureSpec = z.output<typeof waitFeatureSchema>;
export type CountFeatureSpec = z.output<typeof countFeatureSchema>;
export type FlagFeatureSpec = z.output<typeof flagFeatureSchema>;
export type ChannelFeatureSpec = z.output<typeof channelFeatureSchema>;
export type TextFeatureSpec = z.output<typeof textFeatureSchema>;
export type ConversationFeatureSpec = z.output<typeof conversationFeatureSchema>;
export type AttributeFeatureSpec = z.output<typeof attributeFeatureSchema>;
export type FeatureSpec = z.output<typeof featureSpecSchema>;
