/**
 * Characters that must never reach a terminal raw: C0 and C1 controls, DEL,
 * and the invisible format characters that reorder or hide text (bidi
 * overrides, marks and isolates, zero-width and word-joiner marks, the
 * soft hyphen, invisible operators, the combining grapheme joiner, Hangul
 * and Mongolian fillers, interlinear annotation marks, tag characters, BOM).
 * Customer words and model files reach the CLI's output through reasons,
 * evidence, ids and error messages; on a terminal these characters could
 * move the cursor, set the window title (OSC), ring the bell, clear the
 * screen, or make one line read as another. Emoji variation selectors are
 * left alone: they only choose how a visible character is drawn.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{1d173}-\u{1d17a}]/gu;

/** The same set without the line feed: for whole outputs whose own line breaks must stay. */
const UNSAFE_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{1d173}-\u{1d17a}]/gu;

/**
 * A visible \uXXXX escape; characters beyond the BMP as their surrogate
 * pair, so that inside a JSON string the escape is JSON for the same text.
 */
function escape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `text` (one value from input or a model file, quoted in a line) with every unsafe character, line breaks included, shown as a visible escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * A whole output (a report, a help text, a JSON line) with every unsafe
 * character but the line feed escaped. Applied by the write helpers to all
 * that the CLI prints. JSON stays JSON for the same values: the characters
 * escaped can only occur inside its strings, where \uXXXX means them.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escape);
}
