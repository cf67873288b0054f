import { describe, expect, it } from 'vitest';
import { CHAR_SPACE, CHAR_WORD, CLASS, FOLD, NUMBER_SLOT, NUMERAL, WORD_CHARS_END } from '../../src/text/char-fold.js';
import { buildTrie, continueMatch, longestMatch, nodeAt, startsEntry } from '../../src/text/lexicon-trie.js';
import { HASH_SEED, buildWordTable, findWord, hashStep, slotEntry, slotPhraseNode } from '../../src/text/word-table.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';

/*
 * The trie and the word table are packed for the scan's speed (one cache
 * line per step, no strings to load). These tests hold them to plain
 * references on random terms and texts: a trie of Maps walked by the same
 * rules (a run of blanks is one space, a number slot takes a run of
 * numerals, an entry ending in a letter or digit ends on a word boundary),
 * and a Map from word to entry.
 */

interface RefNode {
  readonly children: Map<number, RefNode>;
  entry: number;
}

function refTrie(terms: readonly string[]): RefNode {
  const root: RefNode = { children: new Map(), entry: -1 };
  terms.forEach((term, i) => {
    let node = root;
    for (let k = 0; k < term.length; k++) {
      const code = term.charCodeAt(k);
      let next = node.children.get(code);
      if (next === undefined) node.children.set(code, (next = { children: new Map(), entry: -1 }));
      node = next;
    }
    if (node !== root) node.entry = i;
  });
  return root;
}

const isSpace = (text: string, j: number): boolean => CLASS[FOLD[text.charCodeAt(j)] as number] === CHAR_SPACE;

/** Longest match from `node` at `start` (relative to `origin`), packed as the trie packs it. */
function refWalk(node: RefNode, text: string, origin: number, start: number, limit: number): number {
  let best = -1;
  let j = start;
  let at: RefNode | undefined = node;
  while (at !== undefined && j < limit) {
    const code = FOLD[text.charCodeAt(j)] as number;
    const slot = at.children.get(NUMBER_SLOT);
    if (slot !== undefined && (NUMERAL[code] === 1 || code === 0x20)) {
      let k = j;
      if (k < limit && isSpace(text, k)) k++;
      if (k < limit && NUMERAL[FOLD[text.charCodeAt(k)] as number] === 1) {
        const end = k + 12;
        k++;
        while (k < limit && k < end && NUMERAL[FOLD[text.charCodeAt(k)] as number] !== 0) k++;
        if (k < limit && isSpace(text, k)) k++;
        best = Math.max(best, refWalk(slot, text, origin, k, limit));
      }
    }
    at = at.children.get(code);
    if (at === undefined) break;
    j++;
    if (code === 0x20) {
      const end = j + 4;
      while (j < limit && j < end && isSpace(text, j)) j++;
      continue;
    }
    const boundary = CLASS[code] !== CHAR_WORD || j >= limit || CLASS[FOLD[text.charCodeAt(j)] as number] !== CHAR_WORD;
    if (at.entry >= 0 && boundary) best = Math.max(best, ((j - origin) << 20) | at.entry);
  }
  return best;
}

const ALPHABET = ['不', '没', '很', '好', '差', '等', '了', '小', '时', '两', '个', '多', '3', '一', 'a', 'b', 'n', 'o', 't', ' ', "'", '!', ':', ')'];

function randomString(next: () => number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

function randomTerms(next: () => number, count: number): string[] {
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    let term = randomString(next, 1 + Math.floor(next() * 5)).replace(/ +/g, ' ').trim();
    if (next() < 0.15) term = term.slice(0, 1) + String.fromCharCode(NUMBER_SLOT) + term.slice(1);
    if (term.length > 0) terms.push(term);
  }
  return terms;
}

describe('character tables', () => {
  it('hold every word character below WORD_CHARS_END, where the trie looks for them', () => {
    const above: number[] = [];
    for (let c = WORD_CHARS_END; c < 0x10000; c++) if (CLASS[c] === CHAR_WORD) above.push(c);
    expect(above).toEqual([]);
    expect(CLASS[0x61]).toBe(CHAR_WORD);
    expect(CLASS[0xff]).toBe(CHAR_WORD);
  });
});

describe('lexicon trie', () => {
  it('finds the same longest match as a trie of Maps, at every position of random texts', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const terms = randomTerms(next, 10 + Math.floor(next() * 300));
      const trie = buildTrie(terms);
      const ref = refTrie(terms);
      for (let t = 0; t < 30; t++) {
        const text = randomString(next, 40);
        for (let i = 0; i < text.length; i++) {
          const folded = FOLD[text.charCodeAt(i)] as number;
          const expected = refWalk(ref, text, i, i, text.length);
          const got = startsEntry(trie, folded) ? longestMatch(trie, text, i, text.length) : -1;
          expect(got, `${JSON.stringify(terms)} in ${JSON.stringify(text)} at ${i}`).toBe(expected);
        }
      }
    }
  });

  it('continues a match from the node a prefix leads to, as the Map trie does', () => {
    const next = seededRandom(11);
    const terms = randomTerms(next, 400);
    const trie = buildTrie(terms);
    const ref = refTrie(terms);
    for (const term of terms.slice(0, 100)) {
      const prefix = term.slice(0, 1 + Math.floor(next() * term.length));
      if (prefix.includes(String.fromCharCode(NUMBER_SLOT))) continue;
      let refNode: RefNode | undefined = ref;
      for (let k = 0; k < prefix.length && refNode !== undefined; k++) refNode = refNode.children.get(prefix.charCodeAt(k));
      const node = nodeAt(trie, prefix);
      expect(node > 0, prefix).toBe(refNode !== undefined);
      if (refNode === undefined) continue;
      const text = prefix + randomString(next, 12);
      expect(continueMatch(trie, text, node, 0, prefix.length, text.length), text).toBe(refWalk(refNode, text, 0, prefix.length, text.length));
    }
  });
});

describe('word table', () => {
  it('finds exactly the words it holds, with their entries and phrase nodes', () => {
    const next = seededRandom(3);
    const letters = 'abcdeino';
    const word = (): string => Array.from({ length: 1 + Math.floor(next() * 6) }, () => letters[Math.floor(next() * letters.length)]).join('');
    const terms = Array.from({ length: 500 }, () => (next() < 0.3 ? `${word()} ${word()}` : word()));
    const table = buildWordTable(terms, (prefix) => prefix.length * 1000 + 1);
    const singles = new Map<string, number>();
    const starts = new Set<string>();
    terms.forEach((t, i) => (t.includes(' ') ? starts.add(t.slice(0, t.indexOf(' '))) : singles.set(t, i)));
    for (let q = 0; q < 3000; q++) {
      const w = word();
      const text = `x ${w.toUpperCase()} y`;
      let h = HASH_SEED;
      for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
      const slot = findWord(table, h, text, 2, 2 + w.length);
      expect(slot >= 0, w).toBe(singles.has(w) || starts.has(w));
      if (slot < 0) continue;
      expect(slotEntry(table, slot), w).toBe(singles.get(w) ?? -1);
      expect(table.entries[slot], w).toBe(singles.get(w) ?? -1);
      expect(slotPhraseNode(table, slot), w).toBe(starts.has(w) ? w.length * 1000 + 1 : 0);
    }
  });
});
