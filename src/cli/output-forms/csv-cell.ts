import { terminalSafe } from '../terminal-safe.js';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's CSV
 * injection list): `=`, `+`, `-`, `@`, and a leading tab or carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for CSV output: a cell a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`) is prefixed with `'`, which makes it
 * text, and quoted; control and invisible characters are shown as \uXXXX
 * (as in the table); quotes, commas and line breaks are quoted per RFC 4180.
 */
export function textCell(value: string): string {
  const safe = terminalSafe(value);
  if (FORMULA_START.test(safe)) return `"'${safe.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number we computed (a probability, a contribution): written as a number, never neutralised. */
export function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** Any JSON value a row carried (an id, a kept key): numbers stay numbers, anything else is text. */
export function valueCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return String(value);
  return textCell(typeof value === 'string' ? value : JSON.stringify(value));
}
