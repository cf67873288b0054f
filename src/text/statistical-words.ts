/**
 * Words whose valence was mined from complaint data (scripts/lexicon/
 * mined-complaint-words.ts): they lean towards complaints on average
 * ("reply", "days", "minutes", "still"), so they move the sentiment, but
 * none of them says anything unhappy by itself, so none is quoted as
 * evidence of negative words. A test holds this list to the mined one.
 */
export const STATISTICAL_WORDS: ReadonlySet<string> = new Set([
  'ago',
  'anything',
  'back',
  'bought',
  'buy',
  'claim',
  'coming',
  'contact',
  'days',
  'down',
  'find',
  'fix',
  'get',
  'getting',
  'got',
  'hold',
  'hours',
  'issue',
  'issues',
  'last',
  'minutes',
  'months',
  'received',
  'reply',
  'response',
  'return',
  'send',
  'sent',
  'still',
  'supposed',
  'three',
  'times',
  'tried',
  'trying',
  'update',
  'used',
  'working',
]);
