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
const UNSAFE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0xe0000, 0xe007f],
  [0x1d173, 0x1d17a],
];

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const classOf = (ranges: readonly (readonly [number, number])[]): string =>
  ranges.map(([from, to]) => (from === to ? `\\u{${from.toString(16)}}` : `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`)).join('');
const UNSAFE = new RegExp(`[${classOf(UNSAFE_RANGES)}]`, 'gu');
/** The same set without the line feed (and a carriage return before one: CSV lines end in CRLF): for whole outputs whose own line breaks must stay. */
const UNSAFE_BUT_NEWLINE = new RegExp(`\\r(?!\\n)|[${classOf(UNSAFE_RANGES.flatMap(([from, to]) => splitAround([from, to], [LINE_FEED, CARRIAGE_RETURN])))}]`, 'gu');

function splitAround([from, to]: readonly [number, number], holes: readonly number[]): [number, number][] {
  let parts: [number, number][] = [[from, to]];
  for (const hole of holes)
    parts = parts.flatMap(([a, b]): [number, number][] => (hole < a || hole > b ? [[a, b]] : ([[a, hole - 1], [hole + 1, b]] as [number, number][]).filter(([x, y]) => x <= y)));
  return parts;
}

/**
 * Every UTF-16 code unit marked by what it may start: SAFE, UNSAFE, or a
 * high surrogate whose pair may be an unsafe astral character. A whole
 * output is checked with one table lookup per code unit, since nearly every
 * line is clean and then comes back as it is: the regular expression, with
 * its astral ranges, costs several times more per character, and it only
 * runs on the rare line that needs an escape.
 */
const SAFE = 0;
const UNSAFE_UNIT = 1;
const HIGH_SURROGATE_OF_UNSAFE = 2;
const UNIT_CLASS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (const [from, to] of UNSAFE_RANGES)
    for (let c = from; c <= to; c++) {
      if (c < 0x10000) table[c] = UNSAFE_UNIT;
      else table[0xd800 + ((c - 0x10000) >> 10)] = HIGH_SURROGATE_OF_UNSAFE;
    }
  return table;
})();

/** Whether `text` holds a character of the set, the line feed (and CR before LF) counted safe when `lineBreaksSafe`. */
export function hasUnsafe(text: string, lineBreaksSafe: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const kind = UNIT_CLASS[unit] as number;
    if (kind === SAFE) continue;
    if (kind === UNSAFE_UNIT) {
      if (lineBreaksSafe && (unit === LINE_FEED || (unit === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED))) continue;
      return true;
    }
    // A high surrogate: unsafe only with the low half of a character in the set.
    const point = text.codePointAt(i) as number;
    if (point > 0xffff && UNSAFE_RANGES.some(([from, to]) => point >= from && point <= to)) return true;
  }
  return false;
}

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
  return hasUnsafe(text, false) ? text.replace(UNSAFE, escape) : text;
}

/**
 * A whole output (a report, a help text, a JSON line) with every unsafe
 * character but the line feed escaped. Applied by the write helpers to all
 * that the CLI prints. JSON stays JSON for the same values: the characters
 * escaped can only occur inside its strings, where \uXXXX means them.
 */
export function terminalText(text: string): string {
  return hasUnsafe(text, true) ? text.replace(UNSAFE_BUT_NEWLINE, escape) : text;
}
