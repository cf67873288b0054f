import { describe, expect, it } from 'vitest';
import { WriteOnce } from '../../src/core/write-once.js';
import { BUILTIN } from '../../src/text/builtin-lexicon.js';
import { analyzeText, createTextAnalyzer } from '../../src/index.js';

describe('the built-in lexicon is compiled on first use, once', () => {
  it('WriteOnce makes its value on the first get() only, and always returns that value', () => {
    let made = 0;
    const once = new WriteOnce(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = once.get();
    expect(once.get()).toBe(first);
    expect(made).toBe(1);
    expect(Object.keys(once)).toEqual([]); // nothing to write from outside
  });

  it('every analyzer reads the one compiled built-in lexicon', () => {
    const tables = BUILTIN.get();
    expect(BUILTIN.get()).toBe(tables);
    expect(tables.size).toBeGreaterThan(1000);
    // A custom lexicon gets tables of its own; the built-in ones stay as they were.
    const custom = createTextAnalyzer({ lexicon: { entries: [{ text: '征信', kind: 'negative' }] } });
    expect(custom.analyze('征信').cues.map((c) => c.text)).toEqual(['征信']);
    expect(BUILTIN.get()).toBe(tables);
    expect(analyzeText('征信').cues).toEqual([]);
  });
});
