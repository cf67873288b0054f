import fc from 'fast-check';
import { CHANNELS } from '../../src/channels.js';
import type { Interaction } from '../../src/index.js';

const PHRASES = [
  '我要投诉', '等了半小时', '太差了', '谢谢', '不满意', '没解决', '退款', '12315', '非常', '！！！',
  'I want a refund', 'worst service', 'thanks', 'not happy', 'still waiting', 'manager', '!!!', 'great',
];

/** Customer words: fragments the analyzer knows, mixed with arbitrary text. */
export const customerWords = fc.oneof(
  fc.array(fc.constantFrom(...PHRASES), { maxLength: 6 }).map((parts) => parts.join('，')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const turn = fc.record({ speaker: fc.constantFrom('customer' as const, 'agent' as const), text: customerWords });

/** Any valid interaction. */
export const validInteraction: fc.Arbitrary<Interaction> = fc.record(
  {
    channel: fc.constantFrom(...CHANNELS, '电话', '网点', '在线', '社交媒体', '短信', '邮件'),
    waitSeconds: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 31_536_000, noNaN: true })),
    repeatContacts: fc.nat(50),
    transfers: fc.nat(20),
    unresolved: fc.boolean(),
    priorComplaints: fc.nat(10),
    text: fc.oneof(customerWords, fc.array(turn, { maxLength: 6 })),
  },
  { requiredKeys: ['channel'] },
);
