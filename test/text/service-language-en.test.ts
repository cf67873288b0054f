import { describe, expect, it } from 'vitest';
import { analyzeText, createTextAnalyzer } from '../../src/index.js';
import { cueList, kinds } from './helpers.js';

const PROBLEMS = ['wait', 'repeat', 'unresolved', 'billing', 'delivery', 'attitude', 'fairness'];
const problems = (text: string): string[] => analyzeText(text).cues.filter((c) => PROBLEMS.includes(c.kind)).map((c) => `${c.kind}:${c.text}`);

describe('unmet expectations and waiting', () => {
  it.each([
    ['We have yet to receive the parcel', 'wait:have yet to'],
    ['It is the 12th and no sign of the engineer', 'wait:no sign of'],
    ['When will my replacement card arrive', 'wait:When will'],
    ['The voucher was supposed to be applied at checkout', 'unresolved:supposed to'],
    ['The points are not showing up in my account', 'unresolved:not showing up'],
    ['I was told the engineer would come on Tuesday', 'unresolved:was told'],
    ['Nobody has called me about the leak', 'unresolved:Nobody has called'],
    ['The refund should have cleared by now', 'wait:by now'],
  ])('%s → %s', (text, cue) => {
    expect(problems(text)).toContain(cue);
    expect(analyzeText(text).sentiment).toBeLessThan(0);
  });

  it('reads an amount inside an English phrase: the slot takes the blanks beside it', () => {
    expect(problems('I waited 5 minutes')).toEqual(['wait:waited 5 minutes']);
    expect(problems('called 3 times today')).toEqual(['repeat:called 3 times']);
    expect(problems('stuck for over 3 hours')).toContain('wait:over 3 hours');
    const analyzer = createTextAnalyzer({ lexicon: { entries: [{ text: 'queued {n} mins', kind: 'wait' }] } });
    expect(cueList(analyzer.analyze('queued 40 mins'))).toEqual(['wait:queued 40 mins']);
  });

  it('keeps a complaint whole when "yet" ends it: yet is time there, not "but"', () => {
    const a = analyzeText("I haven't received the refund yet");
    expect(kinds(a).has('contrast')).toBe(false);
    expect(a.sentiment).toBeLessThan(analyzeText("I haven't received the refund").sentiment + 1e-9);
    // Not at the end either, once a negation or a problem came before it in the clause.
    expect(kinds(analyzeText("I haven't received the refund yet and it's been a fortnight")).has('contrast')).toBe(false);
  });

  it('still reads "yet" inside a clause as a contrast', () => {
    expect(cueList(analyzeText('The room was small yet spotless'))).toContain('contrast:yet');
  });

  it('lets a problem that ends in a negation negate what follows: "still hasn\'t been resolved" is no praise', () => {
    const a = analyzeText('my issue still hasn\'t been resolved');
    expect(a.cues.find((c) => c.text === 'resolved')?.kind).toBe('negative');
    expect(a.sentiment).toBeLessThan(-0.3);
  });
});

describe('requests for action', () => {
  it('count as a complaint when the text states a problem', () => {
    const withProblem = analyzeText('The parcel never arrived, please check');
    expect(cueList(withProblem)).toContain('negative:please check');
    expect(withProblem.sentiment).toBeLessThan(analyzeText('The parcel never arrived').sentiment);
  });

  it('count the same when the problem comes after the request', () => {
    expect(cueList(analyzeText('Please call me back, the meter is broken'))).toContain('negative:Please call me');
  });

  it('are no complaint when no problem is stated', () => {
    for (const text of ['Please check whether the store is open on Sunday', 'Could you call me back about the new plan', 'Please send me the brochure']) {
      const a = analyzeText(text);
      expect(a.sentiment, text).toBeGreaterThanOrEqual(0);
      expect(kinds(a).has('negative'), text).toBe(false);
    }
  });

  it('that name a fault ("fix this", "make it right") read as unhappy on their own', () => {
    expect(analyzeText('Fix this today').sentiment).toBeLessThan(0);
    expect(analyzeText('Make it right').sentiment).toBeLessThan(0);
  });
});

describe('switching, boycott, slang and fraud', () => {
  it.each([
    ['Switching to another provider next month', 'intent:Switching to'],
    ['Honestly done with your company', 'intent:done with your'],
    ['I won\'t be back after this', "intent:won't be back"],
    ['Deleting the app tonight', 'intent:Deleting the app'],
  ])('%s → %s', (text, cue) => {
    expect(cueList(analyzeText(text))).toContain(cue);
  });

  it.each([
    ['This airline is a joke', 'negative:a joke'],
    ['What a joke of a refund policy', 'negative:What a joke'],
    ['£60 for a seat is extortion', 'fairness:extortion'],
    ['They are scamming pensioners', 'fairness:scamming'],
    ['Ripping people off with hidden fees', 'fairness:Ripping people off'],
  ])('%s → %s', (text, cue) => {
    expect(cueList(analyzeText(text))).toContain(cue);
    expect(analyzeText(text).sentiment).toBeLessThan(-0.3);
  });

  it('does not read a joke told as a joke, or garbage day, as a complaint', () => {
    expect(analyzeText('my son told me a funny joke').sentiment).toBeGreaterThan(0);
    expect(kinds(analyzeText('tomorrow is garbage day')).has('negative')).toBe(false);
  });
});

describe('customer-service nouns', () => {
  it.each([
    'customer support',
    'tech support',
    'contact support',
    'airport security',
    'security questions',
    'reward points',
    'rewards card',
    'loyalty program',
    'store credit',
    'credit card',
    'google play',
    'play store',
    'solve',
  ])('"%s" is no praise', (words) => {
    expect(analyzeText(words).sentiment).toBe(0);
  });

  it('the words alone keep their sense: "thanks for your support", "I favor the new plan"', () => {
    expect(analyzeText('we support the new plan').sentiment).toBeGreaterThan(0);
    expect(analyzeText('I favor the second option').sentiment).toBeGreaterThan(0);
  });

  it('so "customer support is a joke" is wholly negative', () => {
    const a = analyzeText('customer support is a joke');
    expect(kinds(a).has('positive')).toBe(false);
    expect(a.sentiment).toBeLessThan(-0.5);
  });

  it('and praise around them still counts', () => {
    expect(analyzeText('the support team were brilliant').sentiment).toBeGreaterThan(0.3);
  });
});

describe('thanks', () => {
  it('alone, or with praise, stays praise', () => {
    for (const text of ['Thanks!', 'Thank you so much', 'Thanks for the quick reply', 'thanks, the new router works great']) {
      expect(analyzeText(text).sentiment, text).toBeGreaterThan(0.3);
    }
  });

  it('turns sarcastic when a problem follows in its clause', () => {
    const a = analyzeText('Thanks for the 3-hour wait at the gate');
    expect(a.cues.find((c) => c.text === 'Thanks')).toMatchObject({ kind: 'negative', weight: -2.2 });
    expect(a.sentiment).toBeLessThan(-0.5);
    expect(analyzeText('thank you for losing my bag').sentiment).toBeLessThan(-0.5);
  });

  it('is a courtesy, not praise, right after a complaint', () => {
    const a = analyzeText('Still no refund after six weeks. Thanks.');
    expect(kinds(a).has('positive')).toBe(false);
    expect(a.sentiment).toBe(analyzeText('Still no refund after six weeks.').sentiment);
  });

  it('"yet" after a mere feeling is still a contrast; after a named problem it is time', () => {
    expect(cueList(analyzeText('It hurt yet it was worth it'))).toContain('contrast:yet');
    expect(kinds(analyzeText('The parcel is missing, not here yet'))).not.toContain('contrast');
  });

  it('after a complaint answered by praise or a contrast is praise again', () => {
    expect(cueList(analyzeText('The flight was delayed but the crew were lovely, thanks'))).toContain('positive:thanks');
    expect(cueList(analyzeText('My bag was lost for a day. The courier brought it round, wonderful, thanks'))).toContain('positive:thanks');
  });
});

describe('gratitude and closure guard intent words', () => {
  it('"thanks for resolving my complaint" is no threat', () => {
    const guarded = analyzeText('thanks for resolving my complaint');
    expect(guarded.intent).toBeLessThan(0.2);
    expect(guarded.sentiment).toBeGreaterThan(0.3);
    expect(analyzeText('I will make a complaint').intent).toBeGreaterThan(0.6);
  });

  it('a problem put right after the intent words closes them too', () => {
    expect(analyzeText('my complaint has been resolved, thank you').intent).toBeLessThan(0.2);
    expect(analyzeText('the refund came through').sentiment).toBeGreaterThan(0);
  });

  it('an intent of full strength in a custom lexicon stays whole before a closure (no NaN)', () => {
    const analyzer = createTextAnalyzer({ lexicon: { entries: [{ text: 'ombudsman now', kind: 'intent', weight: 1 }] } });
    expect(analyzer.analyze('ombudsman now and it got resolved').intent).toBe(1);
  });

  it('a cancellation told as done is a report, a passive one a problem', () => {
    expect(analyzeText('I just cancelled the order, please confirm').intent).toBeLessThan(0.2);
    expect(analyzeText('I want to cancel my account').intent).toBeGreaterThan(0.5);
    expect(problems('my flight was cancelled')).toContain('delivery:was cancelled');
  });

  it('slogans holding an intent word threaten nothing', () => {
    for (const text of ['Cancel anytime', 'Free cancellation on all rooms', 'Switch and save', 'read our refund policy']) {
      expect(analyzeText(text).intent, text).toBe(0);
    }
  });
});
