import type { Evidence, Factor, RiskResult } from '../core/types.js';

/**
 * A freshly scored session result made the caller's. scoreInteraction
 * builds factors and reasons anew for every call, but not what it quotes
 * from the session's own record: the evidence lists and the cues in them,
 * and the agent's words a factor's value holds, all kept across turns and
 * quoted by later results. So those are copied here: a caller editing a
 * result (re-basing a span, trimming a quote) changes neither the session
 * nor what it says next. Spans are copied one literal per shape; a long
 * session's result quotes a hundred or so, about 2 µs of a 8 µs turn.
 */
export function handedOut(result: RiskResult): RiskResult {
  const { factors } = result;
  for (let i = 0; i < factors.length; i++) {
    const factor = factors[i] as Factor;
    // Values are numbers, strings, or small flat records (a mood change, the agent cue quoted).
    if (typeof factor.value === 'object' && factor.value !== null) factor.value = { ...factor.value };
    const evidence = factor.evidence;
    if (evidence === undefined) continue;
    const own: Evidence[] = new Array(evidence.length);
    for (let k = 0; k < evidence.length; k++) own[k] = copySpan(evidence[k] as Evidence);
    factor.evidence = own;
  }
  return result;
}

/** One literal per shape a span has (a learned term's carries its vocabulary entry), so copies share hidden classes. */
function copySpan(span: Evidence): Evidence {
  const { text, start, end, kind, weight, term } = span;
  if (term !== undefined) return { text, start, end, kind, weight, term };
  return weight === undefined ? { text, start, end, kind } : { text, start, end, kind, weight };
}
