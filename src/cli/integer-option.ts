import { UsageError } from './command.js';

/** A whole-number option such as `--port 0` or `--batch 100`, within [min, max]; `fallback` when not given. */
export function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${value}"`);
  return n;
}
