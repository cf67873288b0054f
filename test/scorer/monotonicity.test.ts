import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';

const scorer = createScorer();
const p = (x: Parameters<typeof scorer.score>[0]): number => scorer.score(x).probability;

describe('the default model never lowers risk for a worse signal', () => {
  it('more wait', () => {
    fc.assert(
      fc.property(validInteraction, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (x, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(p({ ...x, waitSeconds: hi })).toBeGreaterThanOrEqual(p({ ...x, waitSeconds: lo }));
      }),
      { numRuns: 300 },
    );
  });

  for (const field of ['repeatContacts', 'transfers', 'priorComplaints'] as const) {
    it(`more ${field}`, () => {
      fc.assert(
        fc.property(validInteraction, fc.nat(200), fc.nat(200), (x, a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(p({ ...x, [field]: hi })).toBeGreaterThanOrEqual(p({ ...x, [field]: lo }));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('an unresolved issue', () => {
    fc.assert(
      fc.property(validInteraction, (x) => {
        expect(p({ ...x, unresolved: true })).toBeGreaterThanOrEqual(p({ ...x, unresolved: false }));
      }),
      { numRuns: 200 },
    );
  });

  it('an explicit complaint threat added to the same words', () => {
    const threats = ['我要投诉！', '我要打12315', 'I will file a complaint.', 'I want to speak to a manager.', '我要找媒体曝光'];
    for (const base of ['', '等了很久。', 'The app is slow.', '谢谢你们的帮助。', 'Thanks a lot!']) {
      for (const threat of threats) {
        for (const channel of ['phone', 'chat', 'social'] as const) {
          const before = p({ channel, text: base });
          const after = p({ channel, text: `${base}${threat}` });
          expect(after, `${base} + ${threat}`).toBeGreaterThan(before);
        }
      }
    }
  });

  it('social media is riskier than email for the same contact', () => {
    expect(p({ channel: 'social', text: '又出问题了' })).toBeGreaterThan(p({ channel: 'email', text: '又出问题了' }));
  });

  it('the same wait means more on the phone than at a branch', () => {
    expect(p({ channel: 'phone', waitSeconds: 600 })).toBeGreaterThan(p({ channel: 'branch', waitSeconds: 600 }));
    expect(p({ channel: 'email', waitSeconds: 4 * 3600 })).toBeLessThan(p({ channel: 'email', waitSeconds: 3 * 86_400 }));
  });
});
