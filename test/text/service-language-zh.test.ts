import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { cueList, kinds } from './helpers.js';

describe('lateness told as clock times and durations', () => {
  it.each([
    ['晚上7点点的外卖，9点才送到', 'wait:才送到'],
    ['10点下单，快12点了才到', 'wait:才到'],
    ['送了一个多小时，汤都洒了', 'wait:送了一个多小时'],
    ['骑手晚了40分钟', 'wait:晚了40分钟'],
    ['下单两个小时了还没出餐', 'wait:两个小时了'],
    ['都等到11点了', 'wait:等到11点'],
  ])('%s → %s', (text, cue) => {
    expect(cueList(analyzeText(text))).toContain(cue);
    expect(analyzeText(text).sentiment).toBeLessThan(0);
  });

  it('does not read 刚才 (just now) as lateness', () => {
    expect(kinds(analyzeText('我刚才到家'))).not.toContain('wait');
  });

  it('asks when, impatiently: 怎么还没, 什么时候才', () => {
    expect(cueList(analyzeText('退款怎么还没到'))).toContain('wait:怎么还没');
    expect(cueList(analyzeText('什么时候才能修好'))).toContain('wait:什么时候才');
  });
});

describe('insults', () => {
  it.each(['你这个笨蛋', '白痴客服', '滚', '你是不是傻', '什么破机器人', '听不懂人话吗'])('%s reads as angry', (text) => {
    const a = analyzeText(text);
    expect(a.sentiment).toBeLessThan(-0.4);
    expect(kinds(a)).toContain('negative');
  });

  it('leaves the compounds alone: 滚动, 滚烫, 傻傻分不清', () => {
    for (const text of ['页面滚动很流畅', '汤是滚烫的', '两个套餐傻傻分不清']) expect(analyzeText(text).sentiment, text).toBeGreaterThanOrEqual(0);
  });
});

describe('negated potential complements', () => {
  it('turns the feeling before 不起来: 开心不起来 is unhappy', () => {
    const a = analyzeText('收到这样的东西开心不起来');
    expect(cueList(a)).toEqual(expect.arrayContaining(['negative:开心', 'negation:不起来']));
    expect(a.sentiment).toBeLessThan(0);
    expect(analyzeText('真的高兴不起来').sentiment).toBeLessThan(analyzeText('真的高兴').sentiment);
  });

  it('reads what cannot be done as a complaint: 吃不下去, 看不下去, 登不上', () => {
    expect(analyzeText('太咸了，吃不下去').sentiment).toBeLessThan(-0.4);
    expect(cueList(analyzeText('这服务我都看不下去'))).toContain('negative:看不下去');
    expect(cueList(analyzeText('APP又登不上了'))).toContain('unresolved:登不上');
  });

  it('leaves 想不起来 (cannot remember) neutral: only a feeling before 不起来 turns', () => {
    expect(analyzeText('密码想不起来了').sentiment).toBe(0);
  });
});

describe('A-not-A questions', () => {
  it('negate nothing: 能不能转人工 still names the problem, 是不是很贵 is no praise of 贵', () => {
    expect(cueList(analyzeText('能不能转人工'))).toContain('wait:转人工');
    expect(kinds(analyzeText('能不能转人工'))).not.toContain('negation');
    expect(analyzeText('这个是不是很贵').sentiment).toBeLessThan(0);
  });

  it('while a plain 不 still negates', () => {
    expect(analyzeText('不满意').sentiment).toBeLessThan(0);
    expect(analyzeText('不贵').sentiment).toBeGreaterThan(0);
  });
});

describe('contrast after a complaint', () => {
  it('praise after 但是 or 不过 does not outweigh a problem named before it', () => {
    for (const text of ['等了一个多小时，但是味道还不错', '送错了两次，不过骑手态度很好']) {
      expect(analyzeText(text).sentiment, text).toBeLessThan(0);
    }
  });

  it('praise may still soften the complaint before it', () => {
    expect(analyzeText('等了一个多小时，但是味道还不错').sentiment).toBeGreaterThan(analyzeText('等了一个多小时').sentiment);
  });

  it('a mere flaw before 但是 is reweighed as before: praise after it wins', () => {
    expect(analyzeText('房间有点小，但是很干净').sentiment).toBeGreaterThan(0.3);
    // A repeat names no fault: a returning guest's praise after 不过 counts in full.
    expect(analyzeText('住过好几次了，不过总体还是不错的').sentiment).toBeGreaterThan(0.3);
    expect(analyzeText('位置一般，不过服务员很热情').sentiment).toBeGreaterThan(0.3);
  });
});

describe('thanks and closure in Chinese', () => {
  it('谢谢 with a problem after it in its clause is sarcasm; alone it is thanks', () => {
    expect(analyzeText('谢谢你们让我等了两个小时').sentiment).toBeLessThan(-0.5);
    expect(analyzeText('谢谢').sentiment).toBeGreaterThan(0);
  });

  it('谢谢 right after a complaint is a courtesy; 感谢 said in full stays gratitude', () => {
    expect(kinds(analyzeText('快递丢了，谢谢'))).not.toContain('positive');
    expect(cueList(analyzeText('快递丢了，多亏客服帮忙找回，非常感谢'))).toContain('positive:非常感谢');
  });

  it('intent words in a thank-you or a closure are no threat', () => {
    expect(analyzeText('感谢你们这么快处理了我的投诉').intent).toBeLessThan(0.2);
    expect(analyzeText('投诉的问题已经解决了').intent).toBeLessThan(0.2);
    expect(analyzeText('我要投诉').intent).toBeGreaterThan(0.9);
  });

  it('a request to hurry counts only with a problem', () => {
    expect(kinds(analyzeText('麻烦尽快发货哦'))).not.toContain('negative');
    expect(cueList(analyzeText('快递丢了，请尽快处理'))).toContain('negative:请尽快');
  });
});

describe('single characters inside compounds', () => {
  it.each([
    ['骨棒汤很好喝', '棒'],
    ['别放心上', '放心'],
    ['酒店靠近地铁站', '靠'],
    ['服务依旧热情', '旧'],
    ['贵宾室很安静', '贵'],
    ['慢走，欢迎再来', '慢'],
  ])('%s: no cue on %s', (text, char) => {
    const a = analyzeText(text);
    expect(a.cues.map((c) => c.text)).not.toContain(char);
    expect(a.sentiment, text).toBeGreaterThanOrEqual(0);
  });

  it('while the words themselves still count', () => {
    expect(analyzeText('太棒了').sentiment).toBeGreaterThan(0.5);
    expect(analyzeText('很放心').sentiment).toBeGreaterThan(0.3);
    expect(analyzeText('太贵了').sentiment).toBeLessThan(-0.3);
  });
});
