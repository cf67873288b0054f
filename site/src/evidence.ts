import type { RiskResult } from 'complaint-risk';
import { h } from './dom.js';
import { t, type Lang } from './i18n.js';
import { kindName } from './cue-kinds.js';
import { distinctSpans, layoutMarks, type MarkNode, type MarkSpan } from './mark-layout.js';

function markTitle(span: MarkSpan, lang: Lang): string {
  const parts = [span.kind === kindName(span.kind, lang) ? span.kind : `${kindName(span.kind, lang)} (${span.kind})`];
  if (span.weight !== undefined) parts.push(`${t(lang, 'weight')} ${span.weight >= 0 ? '+' : '−'}${Math.abs(span.weight).toFixed(2)}`);
  parts.push(`${t(lang, 'factor')}: ${span.factors.join(', ')}`);
  return parts.join(' · ');
}

function toDom(nodes: readonly MarkNode[], lang: Lang): Node[] {
  return nodes.map((node) =>
    node.type === 'text'
      ? document.createTextNode(node.text)
      : h(
          'mark',
          {
            'data-kind': node.span.kind,
            'data-start': node.span.start,
            'data-end': node.span.end,
            'data-weight': node.span.weight,
            'data-factors': node.span.factors.join(' '),
            title: markTitle(node.span, lang),
          },
          ...toDom(node.children, lang),
        ),
  );
}

/** The customer's words with every evidence span of the result marked in place. */
export function renderEvidence(result: RiskResult, customerWords: string, lang: Lang): HTMLElement {
  const cited = result.factors.flatMap((factor) => (factor.evidence ?? []).map((span) => ({ factor: factor.id, span })));
  const spans = distinctSpans(customerWords, cited);
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const text = h('div', { class: 'evidence-text', 'data-testid': 'evidence' }, ...toDom(layoutMarks(customerWords, spans), lang));
  if (customerWords === '') text.append(h('span', { class: 'muted' }, t(lang, 'noText')));
  const legend =
    kinds.length === 0
      ? h('p', { class: 'muted legend' }, customerWords === '' ? '' : t(lang, 'evidenceNone'))
      : h(
          'p',
          { class: 'legend' },
          ...kinds.map((kind) => h('span', { class: 'chip', 'data-kind': kind }, kindName(kind, lang))),
          h('span', { class: 'muted' }, t(lang, 'evidenceHint')),
        );
  return h('div', {}, text, legend);
}
