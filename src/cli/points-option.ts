import { UsageError } from './command.js';
import { pointsScaleSchema, type PointsScale } from '../index.js';

/** `--points 600/19/50`: 600 points at good:bad odds of 19:1 (a 5 % complaint risk), 50 points to double the odds. */
export function parsePointsOption(value: string): PointsScale {
  const parts = value.split('/');
  const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : NaN));
  const parsed = parts.length === 3 ? pointsScaleSchema.safeParse({ base: numbers[0], odds: numbers[1], pdo: numbers[2] }) : undefined;
  if (parsed === undefined || !parsed.success)
    throw new UsageError(
      `--points must be BASE/ODDS/PDO, e.g. 600/19/50 (600 points at odds 19:1 against a complaint, 50 points to double the odds), with ODDS and PDO > 0; got "${value}"`,
    );
  return parsed.data;
}
