import type { Bilingual } from './types.js';

/**
 * A new object with a fixed reason's words. Results belong to the caller,
 * who may edit them (translate a reason, trim it for a screen); a reason
 * object kept by a compiled feature and handed out as it is would carry
 * that edit into every later result.
 */
export function freshReason(fixed: Readonly<Bilingual>): Bilingual {
  return { zh: fixed.zh, en: fixed.en };
}
