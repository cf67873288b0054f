import { UsageError } from './command.js';
import type { Lang } from './format-table.js';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'zh') return 'zh';
  throw new UsageError(`--lang must be zh or en, got "${value}"`);
}

export function parseTop(value: string | undefined): number {
  const n = Number(value ?? '3');
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--top must be a whole number from 1 to 100, got "${value}"`);
  return n;
}
