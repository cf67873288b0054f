/**
 * C0 and C1 controls, DEL, and the invisible format characters that reorder
 * or hide text (bidi overrides and isolates, zero-width marks, BOM). Customer
 * words reach the table and explain output through reasons and evidence; on
 * a terminal these characters could move the cursor, clear the screen, or
 * make one line read as another.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** `text` with every unsafe character shown as a visible \uXXXX escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
