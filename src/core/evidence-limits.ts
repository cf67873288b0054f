/** Evidence spans kept per factor, in text order: a 100 k-character rant must not make a 150 KB result. */
export const MAX_EVIDENCE = 20;
/** Most feeling cues quoted for the negativity factor, strongest first. */
export const MAX_FEELING_EVIDENCE = 3;
