import * as OpenCC from 'opencc-js';

/**
 * The Traditional → Simplified character map the analyzer folds text with,
 * taken from OpenCC's dictionaries (Taiwan, Hong Kong and standard
 * Traditional forms) one character at a time. Only one-to-one BMP mappings
 * are kept: a fold must keep every offset in the caller's string.
 */
export function traditionalCharMap(): { traditional: string; simplified: string } {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const pairs = new Map<number, number>();
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [lo, hi] of ranges) {
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCharCode(c);
      for (const convert of converters) {
        const out = convert(ch);
        if (out.length === 1 && out !== ch && !pairs.has(c)) pairs.set(c, out.charCodeAt(0));
      }
    }
  }
  const codes = [...pairs.keys()].sort((a, b) => a - b);
  return {
    traditional: String.fromCharCode(...codes),
    simplified: String.fromCharCode(...codes.map((c) => pairs.get(c) as number)),
  };
}
