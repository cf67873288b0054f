/** VADER's emphasis: each ! (up to 4) and a ?? run push the score further from zero. */
const EXCLAMATION_EMPHASIS = 0.292;
const QUESTION_EMPHASIS = 0.18;
/** VADER's normalisation constant: sum / sqrt(sum² + α). */
const NORMALIZE_ALPHA = 15;

/**
 * The sentiment in [-1, 1] from the text's summed valence, as VADER scores
 * it (Hutto & Gilbert 2014): the text's ! and ? marks push a non-zero sum
 * further from zero, then the sum is squashed smoothly, so a few strong
 * words approach ±1 without reaching it.
 */
export function vaderScore(sum: number, exclamations: number, questions: number): number {
  let total = sum;
  if (total !== 0) {
    const emphasis = Math.min(exclamations, 4) * EXCLAMATION_EMPHASIS + (questions > 1 ? Math.min(questions * QUESTION_EMPHASIS, 0.96) : 0);
    total += total > 0 ? emphasis : -emphasis;
  }
  return total / Math.sqrt(total * total + NORMALIZE_ALPHA);
}
