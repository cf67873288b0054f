/**
 * Scorecard points, as credit-scoring tools define them: a score that rises
 * as the odds against the event (here: a complaint) rise. `base` points sit
 * at good:bad odds of `odds` to 1 (600 at 19:1, i.e. a 5 % complaint risk),
 * and every `pdo` points double those odds (halve the complaint odds).
 *
 *   points = offset − factor × logit(p),  factor = pdo / ln 2,
 *   offset = base − factor × ln(odds)   (so points = base where (1 − p) / p = odds)
 *
 * Points are linear in log-odds, so a factor's points are −factor × its
 * contribution, and they add up to the result's points minus the
 * reference's exactly as contributions add up to the log-odds gap.
 */
export interface PointsScale {
  /** Points at the base odds. */
  readonly base: number;
  /** Good:bad (no complaint : complaint) odds at `base` points; 19 means 1 complaint in 20. */
  readonly odds: number;
  /** Points to double the odds. */
  readonly pdo: number;
}

/** A scale laid out for scoring: points = offset − factor × log-odds. */
export interface CompiledPoints {
  readonly factor: number;
  readonly offset: number;
}

export function compilePoints(scale: PointsScale): CompiledPoints {
  const factor = scale.pdo / Math.LN2;
  return { factor, offset: scale.base - factor * Math.log(scale.odds) };
}

/** The points of a (bounded) log-odds value. */
export function pointsAtLogOdds(points: CompiledPoints, logOdds: number): number {
  return points.offset - points.factor * logOdds;
}

/** The points a log-odds contribution adds (negative when it raises the risk). */
export function pointsOfContribution(points: CompiledPoints, contribution: number): number {
  return -points.factor * contribution;
}
