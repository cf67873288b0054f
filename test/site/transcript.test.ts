import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { formatTranscript, readTextInput, type TranscriptTurn } from '../../site/src/transcript.js';

const conversations = JSON.parse(readFileSync('fixtures/conversations.json', 'utf8')) as Array<{ turns: TranscriptTurn[] }>;

describe('the playground text box', () => {
  it('keeps plain words exactly as typed, so evidence offsets point into them', () => {
    const text = '  我要投诉！\n  second line: not a speaker\n';
    expect(readTextInput(text)).toEqual({ kind: 'text', text });
    expect(readTextInput('')).toEqual({ kind: 'text', text: '' });
  });

  it('reads speaker prefixes in Chinese and English, either colon, any case, as turns', () => {
    const read = readTextInput('客户：等了半小时了\n坐席: 抱歉\nCustomer: still waiting\nAGENT：ok\n客户:好吧');
    expect(read).toEqual({
      kind: 'turns',
      turns: [
        { speaker: 'customer', text: '等了半小时了' },
        { speaker: 'agent', text: '抱歉' },
        { speaker: 'customer', text: 'still waiting' },
        { speaker: 'agent', text: 'ok' },
        { speaker: 'customer', text: '好吧' },
      ],
    });
  });

  it('joins unprefixed lines to the turn above, gives leading words to the customer and drops blank turns', () => {
    expect(readTextInput('hello\nagent: hi\nhow can I help?\n\ncustomer:\ncustomer: refund please')).toEqual({
      kind: 'turns',
      turns: [
        { speaker: 'customer', text: 'hello' },
        { speaker: 'agent', text: 'hi\nhow can I help?' },
        { speaker: 'customer', text: 'refund please' },
      ],
    });
  });

  it('reads a [time] before the speaker as the turn time: epoch milliseconds or an ISO string', () => {
    expect(readTextInput('[2026-11-20T10:00:00Z] 客户：在吗\n[1763632920000] agent: yes')).toEqual({
      kind: 'turns',
      turns: [
        { speaker: 'customer', text: '在吗', at: '2026-11-20T10:00:00Z' },
        { speaker: 'agent', text: 'yes', at: 1763632920000 },
      ],
    });
  });

  it('reads back every fixture conversation it writes out, times included', () => {
    for (const { turns } of conversations) {
      for (const style of ['zh', 'en'] as const) expect(readTextInput(formatTranscript(turns, style))).toEqual({ kind: 'turns', turns });
    }
  });

  it('reads back any transcript it writes out', () => {
    const line = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[\r\n]/.test(s) && s.trim() === s && s !== '' && !/^\[/.test(s));
    const turn = fc.record(
      { speaker: fc.constantFrom('customer' as const, 'agent' as const), text: fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')) },
      { requiredKeys: ['speaker', 'text'] },
    );
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 6 }), fc.constantFrom('zh' as const, 'en' as const), (turns, style) => {
        // A continuation line that itself starts like "agent:" is a new turn by design; leave those out.
        fc.pre(turns.every((t) => t.text.split('\n').every((l, i) => i === 0 || readTextInput(l).kind === 'text')));
        expect(readTextInput(formatTranscript(turns, style))).toEqual({ kind: 'turns', turns });
      }),
    );
  });
});
