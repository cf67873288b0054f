import type { Model, FeatureSpec, BandThresholds, PointsScale } from '../model/model-schema.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import type { ClassWeight } from './class-weights.js';
import type { FitReport } from './fit-report.js';
import type { TermsOptions } from './learned-terms/terms-options.js';

export interface FitOptions {
  /** Features, reference interaction, bands and prior weights to start from (default: the built-in model). */
  baseModel?: Model;
  /** Keep only these feature ids of the base model. */
  features?: readonly string[];
  /** Features to add (typically `attribute` features); a category without levels takes them from the data. */
  extraFeatures?: readonly FeatureSpec[];
  /** Ridge strength on standardised weights (default 1, scikit-learn's C = 1); 0 for plain maximum likelihood. */
  l2?: number;
  /** 'balanced' weighs both classes equally (ranks well, but probabilities then over-state risk). */
  classWeight?: ClassWeight;
  /**
   * A column with one value in every row cannot be fitted (text-only data
   * has no wait, numeric-only data no words). 'keepPrior' (default) keeps
   * the base model's weight for it (absorbed into the intercept on this
   * data), lists it in `report.notFitted` and says so in the warnings;
   * 'error' refuses instead.
   */
  constantColumns?: 'error' | 'keepPrior';
  /**
   * 'model': inverse-Hessian standard errors (right when weights are counts).
   * 'robust': sandwich (Huber-White) standard errors. Default: 'robust' with
   * class weights, 'model' otherwise.
   */
  standardErrors?: 'model' | 'robust';
  maxIterations?: number;
  /** Converged when max |gradient| ≤ tolerance × total weight (default 1e-9). */
  tolerance?: number;
  id?: string;
  description?: string;
  bands?: BandThresholds;
  /** Scorecard points for the fitted model (`{ base: 600, odds: 19, pdo: 50 }`); default: the base model's, if it has them. */
  points?: PointsScale;
  /** The analyzer the scorer will use (custom lexicon): text columns must be read the same way. */
  analyzer?: TextAnalyzer;
  /**
   * Learned terms: by default, when records have text, `fit` also learns
   * which words and phrases of this team's own domain go with complaints (a
   * `terms` feature, fitted jointly with the lexicon signals). `false` turns
   * it off; an object caps the vocabulary, sets the minimum number of
   * records a term must occur in, or fixes the ridge strength.
   */
  terms?: false | TermsOptions;
  /** Progress for long runs: building columns, then each Newton iteration. */
  onProgress?: (event: FitProgress) => void;
}

export type FitProgress =
  | { phase: 'columns'; done: number; total: number }
  | { phase: 'iteration'; iteration: number; gradientNorm: number; objective: number };

export interface FitResult {
  model: Model;
  report: FitReport;
  /** Each training row's probability under the fitted model, as `createScorer(model)` gives it. */
  probabilities: Float64Array;
}
