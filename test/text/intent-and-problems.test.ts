import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { cueList, kinds } from './helpers.js';

describe('explicit intent to complain or escalate', () => {
  it.each([
    ['再不处理我就打12315', '12315'],
    ['我要去消协反映这件事', '消协'],
    ['我会向金融监管总局投诉你们', '金融监管总局'],
    ['这事我要找媒体曝光', '找媒体'],
    ['我已经联系了律师', '律师'],
    ['那我只能起诉了', '起诉'],
    ['叫你们领导来', '叫你们领导'],
    ['I will file a chargeback with my bank', 'chargeback'],
    ['I am reporting this to the BBB', 'BBB'],
    ['my lawyer will be in touch', 'lawyer'],
    ['I want to speak to a manager now', 'speak to a manager'],
    ['Please cancel my account today', 'cancel my account'],
  ])('%s → intent cue "%s"', (text, cue) => {
    const a = analyzeText(text);
    expect(a.intent).toBeGreaterThanOrEqual(0.5);
    expect(cueList(a)).toContain(`intent:${cue}`);
  });

  it('ranks a regulator threat above a refund mention', () => {
    expect(analyzeText('我要打12315').intent).toBeGreaterThan(analyzeText('退款什么时候到').intent);
  });

  it('combines several threats like independent chances (noisy-OR), staying within [0, 1]', () => {
    const one = analyzeText('我要投诉').intent;
    const two = analyzeText('我要投诉，还要找媒体曝光').intent;
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThanOrEqual(1);
  });

  it('weakens a negated intent', () => {
    expect(analyzeText('我不会投诉的，放心').intent).toBeLessThan(analyzeText('我会投诉的').intent);
    expect(analyzeText("I'm not complaining, just asking").intent).toBeLessThan(0.3);
  });

  it('does not read compensation already given as a demand', () => {
    expect(analyzeText('客服已经给我补偿了，谢谢').intent).toBe(0);
  });
});

describe('problems customers name', () => {
  it.each([
    ['等了半小时还没人接', 'wait'],
    ['等了两个多小时了', 'wait'],
    ['我打了三次电话了', 'repeat'],
    ['到现在还没给我回复', 'unresolved'],
    ['一直没人处理', 'unresolved'],
    ['又送错了', 'delivery'],
    ['漏送了一份饮料', 'delivery'],
    ['每个月都乱扣费', 'billing'],
    ['客服态度很差，还挂我电话', 'attitude'],
    ['这是霸王条款', 'fairness'],
    ['I have been on hold for 40 minutes', 'wait'],
    ['Still waiting for the engineer', 'wait'],
    ['Nobody called back after two days', 'unresolved'],
    ['This is the third time I have reported it', 'repeat'],
    ['I was charged twice for one order', 'billing'],
    ['Wrong item again, and the box arrived damaged', 'delivery'],
  ])('%s → %s', (text, kind) => {
    const a = analyzeText(text);
    expect(kinds(a).has(kind), JSON.stringify(cueList(a))).toBe(true);
    expect(a.sentiment).toBeLessThan(0);
  });

  it('does not count a negated problem (没有延误, no delays)', () => {
    expect(kinds(analyzeText('航班没有延误')).has('wait')).toBe(false);
    expect(kinds(analyzeText('The flight was not delayed')).has('wait')).toBe(false);
  });

  it('reads a complaint with no emotional words as negative (the case sentiment packages miss)', () => {
    expect(analyzeText('I waited 2 hours and nobody called back').sentiment).toBeLessThan(-0.3);
    expect(analyzeText('打了三次电话，到现在还没解决').sentiment).toBeLessThan(-0.3);
  });

  it('keeps neutral questions neutral', () => {
    for (const text of ['请问可以修改收货地址吗', 'Could you confirm my order has shipped', '想把套餐换一下，怎么操作']) {
      const a = analyzeText(text);
      expect(a.intent, text).toBe(0);
      expect(Math.abs(a.sentiment), text).toBeLessThan(0.4);
    }
  });
});
