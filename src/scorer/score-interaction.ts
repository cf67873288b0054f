import type { Bilingual, Evidence, Factor, RiskResult } from '../core/types.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { TextReading } from '../conversation/read-text.js';
import type { CompiledModel, FeatureSteps } from './compile-model.js';
import { computeColumns, createContextSlot, featureSetOf, releaseContext, type ContextSlot } from './compute-columns.js';
import { sumContributions } from './log-odds.js';
import { bandOf } from './band.js';
import { MAX_LOG_ODDS, clampLogOdds, sigmoid } from '../core/logistic.js';
import { formatNumber } from '../core/quote.js';
import { pointsAtLogOdds, pointsOfContribution, type CompiledPoints } from '../core/scorecard-points.js';

/** Per-scorer buffers, reused across calls so scoring allocates only its result. */
export interface Scratch {
  columns: Float64Array;
  values: unknown[];
  /** Each feature's contribution to the log-odds (0 when absent). */
  contributions: Float64Array;
  /** The context the features read, and the digest of a string's cues, filled afresh per call (see ContextSlot). */
  context: ContextSlot;
}

export function createScratch(compiled: CompiledModel): Scratch {
  return {
    columns: new Float64Array(compiled.columns.length),
    values: new Array(compiled.specs.length),
    contributions: new Float64Array(compiled.specs.length),
    context: createContextSlot(),
  };
}

/**
 * Scores a validated interaction whose text (if the model reads text) has
 * been read already. Each factor contributes
 * Σ weight × (column − reference column) over its columns, so the factors
 * add up to the log-odds minus the reference log-odds exactly; when the
 * log-odds are bounded, a `logOddsBound` factor carries the difference.
 */
export function scoreInteraction(
  compiled: CompiledModel,
  interaction: NormalizedInteraction,
  reading: TextReading | undefined,
  scratch: Scratch,
): RiskResult {
  const { columns, values, contributions, context } = scratch;
  const ctx = computeColumns(compiled, interaction, reading, columns, values, context);
  const logOdds = sumContributions(compiled, columns, contributions, featureSetOf(compiled, reading));

  const { steps, ids, points } = compiled;
  const bounded = clampLogOdds(logOdds);
  const referenceBounded = clampLogOdds(compiled.referenceLogOdds);
  let boundShift = 0;
  if (bounded !== logOdds || referenceBounded !== compiled.referenceLogOdds) {
    // The cut is measured from the factors' own sum, not as (log-odds − reference log-odds): a reference far
    // past the bound (millions) would lose the factors' last digits in that difference.
    let factorSum = 0;
    for (let i = 0; i < contributions.length; i++) factorSum += contributions[i] as number;
    boundShift = bounded - referenceBounded - factorSum;
  }
  // Counted first so the array is made at its size: pushing onto `[]` gives 17 slots (176 B) for the usual 4 to 8 factors.
  let count = boundShift === 0 ? 0 : 1;
  for (let i = 0; i < steps.length; i++) if (contributions[i] !== 0) count++;
  const factors: Factor[] = new Array(count);
  let k = 0;
  for (let i = 0; i < steps.length; i++) {
    const contribution = contributions[i] as number;
    if (contribution === 0) continue;
    const step = steps[i] as FeatureSteps;
    const value = values[i];
    const evidence = step.evidence === undefined ? undefined : step.evidence(ctx, value);
    const reason = step.reason(value, ctx, evidence);
    factors[k++] = factorOf(ids[i] as string, value, contribution, reason, evidence, points);
  }
  if (boundShift !== 0) factors[k++] = boundFactor(boundShift, points);
  if (factors.length > 1) sortByMagnitude(factors);
  releaseContext(context);

  const probability = sigmoid(bounded);
  const band = bandOf(probability, compiled.model.bands);
  if (points === undefined) return { probability, band, factors, reference: { probability: compiled.referenceProbability }, modelId: compiled.model.id };
  return {
    probability,
    points: pointsAtLogOdds(points, bounded),
    band,
    factors,
    reference: { probability: compiled.referenceProbability, points: pointsAtLogOdds(points, referenceBounded) },
    modelId: compiled.model.id,
  };
}

/** score(…).probability without the factors: the same columns and the same sum, so the same bits. */
export function probabilityOfInteraction(
  compiled: CompiledModel,
  interaction: NormalizedInteraction,
  reading: TextReading | undefined,
  scratch: Scratch,
): number {
  computeColumns(compiled, interaction, reading, scratch.columns, scratch.values, scratch.context);
  const logOdds = sumContributions(compiled, scratch.columns, scratch.contributions, featureSetOf(compiled, reading));
  releaseContext(scratch.context);
  return sigmoid(clampLogOdds(logOdds));
}

/**
 * Largest |contribution| first; ties keep model order (stable, as
 * Array.prototype.sort). An insertion sort: a result has a few dozen factors
 * at most, and V8's TimSort allocates ~1 KB of work space per call, which was
 * a fifth of what one score() allocated.
 */
function sortByMagnitude(factors: Factor[]): void {
  for (let i = 1; i < factors.length; i++) {
    const factor = factors[i] as Factor;
    const size = Math.abs(factor.contribution);
    let j = i - 1;
    while (j >= 0 && Math.abs((factors[j] as Factor).contribution) < size) {
      factors[j + 1] = factors[j] as Factor;
      j--;
    }
    factors[j + 1] = factor;
  }
}

/**
 * One factor, made whole in one object literal per shape (with or without
 * evidence and points) rather than given properties after it is made, so
 * every factor of a shape shares one hidden class. Points are −factor × the
 * contribution, so they add up to the gap between the result's points and
 * the reference's as the contributions add up to the log-odds gap.
 */
function factorOf(id: string, value: unknown, contribution: number, reason: Bilingual, evidence: Evidence[] | undefined, points: CompiledPoints | undefined): Factor {
  const direction = contribution > 0 ? 'raises' : 'lowers';
  if (points === undefined) return evidence === undefined ? { id, value, contribution, direction, reason } : { id, value, contribution, direction, reason, evidence };
  const factorPoints = pointsOfContribution(points, contribution);
  return evidence === undefined
    ? { id, value, contribution, direction, reason, points: factorPoints }
    : { id, value, contribution, direction, reason, evidence, points: factorPoints };
}

function boundFactor(shift: number, points: CompiledPoints | undefined): Factor {
  const n = formatNumber(shift);
  const reason = {
    zh: `风险已达上限（对数几率限定在 ±${MAX_LOG_ODDS}），其余因素的影响在此截断（${n}）`,
    en: `Risk is at its bound (log-odds limited to ±${MAX_LOG_ODDS}); the other factors' excess is cut here (${n})`,
  };
  return factorOf('logOddsBound', MAX_LOG_ODDS, shift, reason, undefined, points);
}
