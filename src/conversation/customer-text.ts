import type { Turn } from '../schema/interaction-schema.js';

/**
 * The text evidence offsets point into: the string itself, or the customer
 * turns joined with "\n" (agent turns are not the customer's words).
 */
export function customerText(text: string | readonly Turn[] | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  let joined = '';
  let first = true;
  for (const turn of text) {
    if (turn.speaker !== 'customer') continue;
    joined = first ? turn.text : joined + '\n' + turn.text;
    first = false;
  }
  return joined;
}
