import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession, restoreSession, ComplaintRiskInputError } from '../../src/index.js';
import { expectedCustomerText, hostileString } from '../support/arbitraries.js';
import { expectValidResult } from './invariants.js';

/** A turn as a live chat feed might send it: usually fine, sometimes broken. */
const maybeTurn = fc.oneof(
  { weight: 4, arbitrary: fc.record({ speaker: fc.constantFrom('customer', 'agent'), text: hostileString }) },
  { weight: 1, arbitrary: fc.record({ speaker: fc.oneof(fc.string(), fc.constant('customer')), text: fc.oneof(fc.jsonValue(), hostileString), at: fc.oneof(fc.double(), fc.string()) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

describe('live sessions under hostile turns', () => {
  it('each turn is scored validly or refused with a ComplaintRiskInputError that leaves the session as it was', () => {
    fc.assert(
      fc.property(fc.array(maybeTurn, { maxLength: 10 }), (feed) => {
        const session = createSession({ channel: 'chat', waitSeconds: 120 });
        const accepted: Array<{ speaker: string; text: string }> = [];
        for (const turn of feed) {
          const before = session.current();
          let result;
          try {
            result = session.addTurn(turn as never);
          } catch (error) {
            expect(error).toBeInstanceOf(ComplaintRiskInputError);
            expect(session.current()).toEqual(before);
            continue;
          }
          accepted.push(turn as { speaker: string; text: string });
          expectValidResult(result, expectedCustomerText(accepted));
        }
        // The state round-trips through JSON and restores to the same risk.
        const restored = restoreSession(JSON.parse(JSON.stringify(session.toJSON())));
        expect(restored.current()).toEqual(session.current());
      }),
      { numRuns: 100 },
    );
  });

  it('restoreSession refuses any malformed state with a ComplaintRiskInputError', () => {
    const good = createSession({ channel: 'phone', text: [{ speaker: 'customer', text: '我要投诉' }] }).toJSON();
    const corrupt = fc.oneof(
      fc.jsonValue(),
      fc.record({ formatVersion: fc.oneof(fc.constant(1), fc.jsonValue()), modelId: fc.oneof(fc.constant(good.modelId), fc.string()), interaction: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }),
      fc.constantFrom(
        JSON.parse(JSON.stringify(good).replace('{', '{"__proto__":{"x":1},')),
        JSON.parse(JSON.stringify(good).replace('"interaction":{', '"interaction":{"constructor":{},')),
        { ...good, formatVersion: 99 },
        { ...good, modelId: 'someone-else@1' },
      ),
    );
    fc.assert(
      fc.property(corrupt, (state) => {
        try {
          const session = restoreSession(state as never);
          expectValidResult(session.current(), expectedCustomerText((state as { interaction: { text?: never } }).interaction.text));
        } catch (error) {
          expect(error).toBeInstanceOf(ComplaintRiskInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
