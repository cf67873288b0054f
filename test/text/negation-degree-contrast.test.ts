import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { cueList } from './helpers.js';

const s = (text: string): number => analyzeText(text).sentiment;

describe('Chinese negation, degree and contrast', () => {
  it('reads a negated positive word as negative', () => {
    expect(s('这次的处理结果我满意')).toBeGreaterThan(0);
    expect(s('这次的处理结果我并不满意')).toBeLessThan(0);
    expect(s('快递员的态度并不好')).toBeLessThan(0);
  });

  it('lets a negation reach across a degree word (不是很…) but softens it', () => {
    const mild = s('包装不是很好');
    expect(mild).toBeLessThan(0);
    expect(mild).toBeGreaterThan(s('包装很差'));
    expect(cueList(analyzeText('包装不是很好'))).toContain('negation:不是很');
  });

  it('stops a negation at a clause break', () => {
    // 不 belongs to the first clause; 满意 in the next one keeps its sign.
    expect(s('我不着急，对结果满意')).toBeGreaterThan(0);
  });

  it('scales feelings with degree words: 有点 < plain < 非常 < 极其', () => {
    const a = s('有点失望');
    const b = s('失望');
    const c = s('非常失望');
    const d = s('极其失望');
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
    expect(c).toBeGreaterThan(d);
    expect(cueList(analyzeText('非常生气'))).toEqual(['intensifier:非常', 'negative:生气']);
  });

  it('weighs what follows 但是 more than what comes before it', () => {
    expect(s('包装很精美，但是送来的菜是凉的，太难吃')).toBeLessThan(0);
    expect(s('送得有点慢，不过菜很好吃')).toBeGreaterThan(0);
    expect(cueList(analyzeText('菜不错，但是太贵'))).toContain('contrast:但是');
  });

  it('halves a conceded clause (虽然…)', () => {
    expect(s('虽然贵了点，服务很好')).toBeGreaterThan(s('贵了点，服务很好'));
    expect(s('Although the staff were friendly, my parcel never arrived')).toBeLessThan(0);
  });

  it('does not read 好 inside 好像 or 不 inside 不好意思', () => {
    expect(analyzeText('好像下雨了').cues).toEqual([]);
    expect(analyzeText('不好意思，我想问一下').sentiment).toBe(0);
  });

  it('counts ！！！ and ？？ runs as intensity and pushes the score further', () => {
    const calm = analyzeText('你们太过分了');
    const loud = analyzeText('你们太过分了！！！');
    expect(loud.sentiment).toBeLessThan(calm.sentiment);
    expect(loud.intensity).toBeGreaterThan(calm.intensity);
    expect(cueList(analyzeText('怎么还没到？？'))).toContain('punctuation:？？');
  });

  it('notices a phrase said again and again', () => {
    const a = analyzeText('退款！退款！退款！');
    expect(a.cues.filter((c) => c.kind === 'repetition').length).toBe(2);
    expect(a.intensity).toBeGreaterThan(analyzeText('退款！').intensity);
  });
});

describe('English negation, degree, caps and contrast', () => {
  it("flips a feeling after not / n't / never, within a few words", () => {
    expect(s('The agent was helpful')).toBeGreaterThan(0);
    expect(s('The agent was not helpful')).toBeLessThan(0);
    expect(s("The agent wasn't helpful")).toBeLessThan(0);
    expect(s("I don't think it's good")).toBeLessThan(0);
    expect(s('They never once apologised, never helpful')).toBeLessThan(0);
  });

  it('turns a negated negative only mildly positive', () => {
    const notBad = s('The food was not bad');
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(s('The food was good'));
  });

  it('applies boosters and dampeners', () => {
    expect(s('The delivery was extremely slow and really annoying')).toBeLessThan(s('The delivery was slightly annoying'));
    expect(s('very happy with the support')).toBeGreaterThan(s('somewhat happy with the support'));
  });

  it('emphasises an ALL CAPS feeling word, but not in a text that is all capitals', () => {
    const caps = analyzeText('The service was TERRIBLE today');
    expect(caps.sentiment).toBeLessThan(s('The service was terrible today'));
    expect(cueList(caps)).toContain('caps:TERRIBLE');
    expect(cueList(analyzeText('THE SERVICE WAS TERRIBLE'))).not.toContain('caps:TERRIBLE');
  });

  it('weighs what follows "but" more', () => {
    expect(s('The staff were friendly but the room was filthy')).toBeLessThan(0);
    expect(s('The wait was annoying but the staff were wonderful')).toBeGreaterThan(0);
  });

  it('reads !!! and ??? runs and emoji', () => {
    const a = analyzeText('Where is my parcel??? 😡');
    expect(cueList(a)).toEqual(expect.arrayContaining(['punctuation:???', 'emoji:😡']));
    expect(a.sentiment).toBeLessThan(0);
    expect(analyzeText('Sorted in minutes, thank you 👍').sentiment).toBeGreaterThan(0);
  });
});
