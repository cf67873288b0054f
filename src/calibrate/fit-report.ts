/** One fitted weight with its uncertainty, on the raw column scale the scorer multiplies. */
export interface WeightEstimate {
  /** Model column (`wait`, `channel.social`, `tier.gold`). */
  column: string;
  /** The feature the column belongs to. */
  feature: string;
  estimate: number;
  /** NaN when the column was not fitted (constant in the data, prior kept). */
  standardError: number;
  /** 95 % interval: estimate ± 1.96 standard errors. */
  lower: number;
  upper: number;
  /** Weight per standard deviation of the column: comparable across columns. */
  standardized: number;
  /** The base model's weight, for comparison. */
  prior: number | undefined;
  /** False for a column that was constant in the data and kept its prior. */
  fitted: boolean;
  /** Weighted mean and standard deviation of the column over the training rows. */
  mean: number;
  sd: number;
}

export interface FitReport {
  rows: number;
  positives: number;
  negatives: number;
  /** Sum of row weights (record × class weights). */
  totalWeight: number;
  l2: number;
  /** How the standard errors were computed: inverse Hessian ('model') or sandwich ('robust'). */
  standardErrors: 'model' | 'robust';
  classWeights: { positive: number; negative: number };
  iterations: number;
  converged: boolean;
  /** Largest |gradient| of the penalised log-likelihood at the solution (summed over rows, standardised scale). */
  gradientNorm: number;
  logLikelihood: number;
  nullLogLikelihood: number;
  /** McFadden's pseudo-R²: 1 − logLikelihood / nullLogLikelihood. */
  pseudoR2: number;
  intercept: { estimate: number; standardError: number; lower: number; upper: number };
  weights: WeightEstimate[];
  /** Columns constant in the data: kept at the base model's weight, not fitted. */
  notFitted: string[];
  warnings: string[];
  elapsedMs: number;
}
