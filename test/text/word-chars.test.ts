import { describe, expect, it } from 'vitest';
import { CHAR_SPACE, CLASS, FOLD } from '../../src/text/char-fold.js';
import { skipAddress } from '../../src/text/word-chars.js';

/** The URL rule as written before it read units one by one: http:// or https:// at a word start, skipped to the next blank or line break. */
function referenceUrlEnd(text: string, i: number): number {
  if (i > 0 && /[a-z0-9\u00df-\u00ff]/i.test(text[i - 1] as string)) return i;
  if (!(text.startsWith('http://', i) || text.startsWith('https://', i))) return i;
  let j = i;
  while (j < text.length && CLASS[FOLD[text.charCodeAt(j)] as number] !== CHAR_SPACE && text.charCodeAt(j) !== 0x0a) j++;
  return j;
}

describe('skipAddress', () => {
  it('skips exactly the URLs that start with http:// or https://, to the next blank or line break', () => {
    const texts = ['http://a.b/c d', 'https://x.cn/1\nnext', 'http:/a', 'https:/', 'htp://a', 'httpx://a', 'http', 'https', 'https:', 'http://', 'a hTTP://a', 'http://a\u3000b', 'http://链接/路径 后', 'xhttp://a', 'http://a\tb'];
    for (const text of texts) expect(skipAddress(text, text.indexOf('h'), text.length, FOLD[text.charCodeAt(text.indexOf('h'))] as number), text).toBe(referenceUrlEnd(text, text.indexOf('h')));
  });
});
