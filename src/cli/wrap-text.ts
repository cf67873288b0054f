import { displayWidth } from './display-width.js';

/** Re-flows a paragraph to lines of at most `width` terminal columns (CJK characters take two); a longer word stands alone. */
export function wrapText(paragraph: string, width = 78): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
