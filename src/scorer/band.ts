import type { Band } from '../core/types.js';
import type { BandThresholds } from '../model/model-schema.js';

/** Bands from least to most urgent. */
export const BAND_ORDER: readonly Band[] = ['low', 'medium', 'high', 'critical'];

export function bandOf(probability: number, bands: BandThresholds): Band {
  if (probability >= bands.critical) return 'critical';
  if (probability >= bands.high) return 'high';
  if (probability >= bands.medium) return 'medium';
  return 'low';
}
