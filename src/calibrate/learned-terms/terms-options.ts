import { MAX_TERMS } from '../../features/kinds/terms.js';

/** How `fit` learns a vocabulary of terms from the records' words (see FitOptions.terms). */
export interface TermsOptions {
  /** Most terms the model keeps (default 5,000, at most 20,000): the strongest by |weight|. */
  maxTerms?: number;
  /**
   * A term must occur in at least this many distinct training records
   * (default 5, never below 2): a rarer one could be one customer's name,
   * address or account, and a model file travels.
   */
  minDocuments?: number;
  /** Ridge strength (> 0) on the term weights (0/1 columns); chosen by 3-fold cross-validation when absent. */
  l2?: number;
}

export const DEFAULT_MAX_TERMS = 5_000;
export const DEFAULT_MIN_DOCUMENTS = 5;
/** The privacy floor: however a caller sets it, a term is never learned from fewer records. */
export const MIN_DOCUMENTS_FLOOR = 2;
/** Candidates considered before the fit prunes by weight (the most frequent). */
export const MAX_CANDIDATES = 50_000;

export interface ResolvedTermsOptions {
  readonly maxTerms: number;
  readonly minDocuments: number;
  readonly l2: number | undefined;
}

/**
 * Whether and how this fit learns terms: by default whenever some record
 * has customer words (`someCustomerWords`); never with `terms: false`.
 */
export function termsToLearn(option: false | TermsOptions | undefined, someCustomerWords: boolean): ResolvedTermsOptions | undefined {
  if (option === false || !someCustomerWords) return undefined;
  const minDocuments = Math.max(MIN_DOCUMENTS_FLOOR, option?.minDocuments ?? DEFAULT_MIN_DOCUMENTS);
  const maxTerms = option?.maxTerms ?? DEFAULT_MAX_TERMS;
  if (!(Number.isInteger(maxTerms) && maxTerms >= 1 && maxTerms <= MAX_TERMS)) throw new RangeError(`terms.maxTerms must be a whole number from 1 to ${MAX_TERMS}, got ${maxTerms}`);
  if (option?.l2 !== undefined && !(option.l2 > 0 && Number.isFinite(option.l2))) throw new RangeError(`terms.l2 must be a finite number > 0, got ${option.l2}`);
  return { maxTerms, minDocuments, l2: option?.l2 };
}
