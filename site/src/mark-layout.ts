/**
 * Evidence spans laid out as nested marks over the customer text. Factors
 * share spans (a problem cue is also negative wording) and spans may nest or
 * cross, so each distinct span becomes one mark, split into pieces only where
 * it crosses another. Pure, so the Node tests can check it.
 */
export interface SpanInput {
  start: number;
  end: number;
  kind: string;
  text?: string;
  weight?: number;
}

export interface MarkSpan {
  start: number;
  end: number;
  kind: string;
  weight: number | undefined;
  /** Ids of the factors that cite this span, in the result's order. */
  factors: string[];
}

export type MarkNode = { type: 'text'; text: string } | { type: 'mark'; span: MarkSpan; children: MarkNode[] };

/** One entry per distinct (start, end, kind); spans outside the text are dropped rather than misplaced. */
export function distinctSpans(text: string, cited: ReadonlyArray<{ factor: string; span: SpanInput }>): MarkSpan[] {
  const byKey = new Map<string, MarkSpan>();
  for (const { factor, span } of cited) {
    const { start, end, kind } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) continue;
    const key = `${start}:${end}:${kind}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { start, end, kind, weight: span.weight, factors: [factor] });
    else {
      if (!seen.factors.includes(factor)) seen.factors.push(factor);
      if (seen.weight === undefined) seen.weight = span.weight;
    }
  }
  // Outer spans first (earlier start, then longer), so nesting follows the order.
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export function layoutMarks(text: string, spans: readonly MarkSpan[]): MarkNode[] {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root: MarkNode[] = [];
  const open: Array<Extract<MarkNode, { type: 'mark' }>> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    let kept = 0;
    while (kept < open.length && kept < covering.length && open[kept]?.span === covering[kept]) kept++;
    open.length = kept;
    for (let j = kept; j < covering.length; j++) {
      const node: Extract<MarkNode, { type: 'mark' }> = { type: 'mark', span: covering[j] as MarkSpan, children: [] };
      (j === 0 ? root : (open[j - 1] as Extract<MarkNode, { type: 'mark' }>).children).push(node);
      open.push(node);
    }
    const parent = open.length === 0 ? root : (open[open.length - 1] as Extract<MarkNode, { type: 'mark' }>).children;
    parent.push({ type: 'text', text: text.slice(from, to) });
  }
  return root;
}
