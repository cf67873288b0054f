import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distinctSpans, layoutMarks, type MarkNode, type MarkSpan } from '../../site/src/mark-layout.js';

function flatText(nodes: readonly MarkNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : flatText(n.children))).join('');
}

/** Each span's pieces joined in order; and every piece lies where its span is in the text. */
function pieces(nodes: readonly MarkNode[], into = new Map<MarkSpan, string>(), at = { offset: 0 }): Map<MarkSpan, string> {
  for (const node of nodes) {
    if (node.type === 'text') {
      at.offset += node.text.length;
      continue;
    }
    const start = at.offset;
    const text = flatText(node.children);
    expect(start >= node.span.start && start + text.length <= node.span.end, `piece of ${node.span.kind} at ${start}`).toBe(true);
    into.set(node.span, (into.get(node.span) ?? '') + text);
    pieces(node.children, into, at);
  }
  return into;
}

describe('evidence marks over the customer text', () => {
  it('merges a span cited by several factors into one mark naming them all', () => {
    const text = '打了三次电话到现在还没解决';
    const span = { start: 0, end: 6, kind: 'repeat', weight: -1.6 };
    const spans = distinctSpans(text, [
      { factor: 'negativity', span },
      { factor: 'problems', span: { ...span } },
      { factor: 'problems', span: { start: 6, end: 11, kind: 'unresolved' } },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 6, kind: 'repeat', weight: -1.6, factors: ['negativity', 'problems'] },
      { start: 6, end: 11, kind: 'unresolved', weight: undefined, factors: ['problems'] },
    ]);
    expect(layoutMarks(text, spans)).toEqual([
      { type: 'mark', span: spans[0], children: [{ type: 'text', text: '打了三次电话' }] },
      { type: 'mark', span: spans[1], children: [{ type: 'text', text: '到现在还没' }] },
      { type: 'text', text: '解决' },
    ]);
  });

  it('nests a span inside another and splits one that crosses another', () => {
    const text = 'not happy at all';
    const spans = distinctSpans(text, [
      { factor: 'a', span: { start: 0, end: 9, kind: 'negative' } },
      { factor: 'a', span: { start: 0, end: 3, kind: 'negation' } },
      { factor: 'b', span: { start: 4, end: 16, kind: 'term' } },
    ]);
    const laid = layoutMarks(text, spans);
    expect(flatText(laid)).toBe(text);
    const got = pieces(laid);
    for (const span of spans) expect(got.get(span)).toBe(text.slice(span.start, span.end));
    // The crossing span is two pieces: one inside "not happy", one after it.
    const term = spans.find((s) => s.kind === 'term') as MarkSpan;
    const count = (nodes: readonly MarkNode[]): number =>
      nodes.reduce((n, node) => n + (node.type === 'mark' ? (node.span === term ? 1 : 0) + count(node.children) : 0), 0);
    expect(count(laid)).toBe(2);
  });

  it('drops spans outside the text rather than misplacing them', () => {
    expect(distinctSpans('abc', [{ factor: 'x', span: { start: 2, end: 9, kind: 'k' } }, { factor: 'x', span: { start: 1, end: 1, kind: 'k' } }])).toEqual([]);
  });

  it('keeps the text and every span whole, however spans overlap', () => {
    const input = fc.string({ minLength: 1, maxLength: 40 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc
            .tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('negative', 'intent', 'wait', 'term'))
            .map(([a, b, kind]) => ({ factor: kind, span: { start: Math.min(a, b), end: Math.max(a, b), kind } })),
          { maxLength: 8 },
        ),
      ),
    );
    fc.assert(
      fc.property(input, ([text, cited]) => {
        const spans = distinctSpans(text, cited);
        const laid = layoutMarks(text, spans);
        expect(flatText(laid)).toBe(text);
        const got = pieces(laid);
        expect(got.size).toBe(spans.length);
        for (const span of spans) expect(got.get(span)).toBe(text.slice(span.start, span.end));
      }),
    );
  });
});
