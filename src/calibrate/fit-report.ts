/** The learned vocabulary, as a data team reviews it before shipping the model. */
export interface TermsReport {
  /** Terms in the model (0 when no candidate occurred in enough records). */
  learned: number;
  /** Candidates that occurred in at least `minDocuments` records, before pruning to `maxTerms`. */
  candidates: number;
  minDocuments: number;
  maxTerms: number;
  /** Ridge strength of the term weights, and whether cross-validation chose it. */
  l2: number | undefined;
  l2ChosenBy: 'cross-validation' | 'option' | undefined;
  /** Held-out log loss per row for each strength the cross-validation tried. */
  crossValidation: { l2: number; logLoss: number }[];
  /** The strongest terms each way, with the number of training records they occur in. */
  towardComplaint: { term: string; weight: number; documents: number }[];
  towardNoComplaint: { term: string; weight: number; documents: number }[];
}

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
  /** What the fit learned of the records' own words; absent when it was not asked to (no text, or `terms: false`). */
  terms?: TermsReport;
  warnings: string[];
  elapsedMs: number;
}
