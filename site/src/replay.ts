import { createSession, type BandRise, type Model, type RiskResult, type Session } from 'complaint-risk';
import { h, byId, formatPercent } from './dom.js';
import { t, type Lang } from './i18n.js';
import { BAND_ACTIONS, BAND_LABELS } from './bands.js';
import { renderBandChart } from './band-chart.js';
import type { Conversation } from './examples.js';

export interface ReplayContext {
  lang(): Lang;
  model(): Model;
}

const PLAY_INTERVAL_MS = 1100;
/** The band an alert is raised at: the session's own default. */
const ALERT_BAND = 'high';

interface Step {
  result: RiskResult;
  /** Index of the turn just played; -1 for the state before any turn. */
  turn: number;
}

/**
 * Steps through an example conversation with a live session: every turn goes
 * through `session.addTurn`, and the session's `onBandRise` raises the alert.
 */
export function mountReplay(conversations: readonly Conversation[], context: ReplayContext): { refresh(): void; restart(): void } {
  const select = byId<HTMLSelectElement>('replay-select');
  const next = byId<HTMLButtonElement>('replay-next');
  const play = byId<HTMLButtonElement>('replay-play');
  const reset = byId<HTMLButtonElement>('replay-reset');
  const chat = byId('replay-chat');
  const chartBox = byId('replay-chart');
  const status = byId('replay-status');
  const alertBox = byId('alert');
  const errorBox = byId('replay-error');

  let session: Session | undefined;
  let steps: Step[] = [];
  let rises: BandRise[] = [];
  let timer: number | undefined;

  conversations.forEach((c, i) => select.append(h('option', { value: i }, c.name)));

  const conversation = (): Conversation => conversations[Number(select.value)] ?? (conversations[0] as Conversation);

  function start(played = 0): void {
    stop();
    rises = [];
    steps = [];
    errorBox.hidden = true;
    try {
      const c = conversation();
      const s = createSession({ ...c.init }, { model: context.model(), alertBand: ALERT_BAND, onBandRise: (rise) => rises.push(rise) });
      session = s;
      steps.push({ result: s.current(), turn: -1 });
      for (let i = 0; i < played && i < c.turns.length; i++) advance();
    } catch (error) {
      session = undefined;
      errorBox.hidden = false;
      errorBox.textContent = error instanceof Error ? error.message : String(error);
    }
    render();
  }

  function advance(): boolean {
    const c = conversation();
    const index = steps.length - 1;
    if (session === undefined || index >= c.turns.length) return false;
    steps.push({ result: session.addTurn(c.turns[index] as Conversation['turns'][number]), turn: index });
    return true;
  }

  function stop(): void {
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
  }

  function render(): void {
    const lang = context.lang();
    const c = conversation();
    const played = steps.length - 1;
    const done = played >= c.turns.length;
    next.disabled = done || session === undefined;
    play.disabled = done || session === undefined;
    play.textContent = t(lang, timer === undefined ? 'replayPlay' : 'replayPause');
    play.setAttribute('aria-pressed', String(timer !== undefined));

    chat.replaceChildren(
      ...steps.slice(1).map(({ result, turn }) => {
        const spoken = c.turns[turn] as Conversation['turns'][number];
        return h(
          'li',
          { class: `bubble ${spoken.speaker}`, 'data-testid': 'replay-turn', 'data-band': result.band },
          h('span', { class: 'who' }, t(lang, spoken.speaker), spoken.at === undefined ? null : h('time', {}, String(spoken.at))),
          h('span', { class: 'said' }, spoken.text),
          h('span', { class: 'after band-tag', 'data-band': result.band }, `${BAND_LABELS[result.band][lang]} · ${formatPercent(result.probability)}`),
        );
      }),
    );
    // Scroll the chat box only: the page itself stays where the reader is.
    chat.scrollTop = chat.scrollHeight;

    const current = steps[steps.length - 1]?.result;
    const band = byId('replay-band');
    const probability = byId('replay-probability');
    if (current !== undefined) {
      band.textContent = BAND_LABELS[current.band][lang];
      band.dataset.band = current.band;
      probability.textContent = formatPercent(current.probability);
      probability.dataset.value = String(current.probability);
      byId('replay-reasons').replaceChildren(...current.factors.slice(0, 3).map((f) => h('li', { 'data-direction': f.direction }, f.reason[lang])));
    }
    status.textContent = t(lang, 'replayProgress', { i: played, n: c.turns.length });

    const points = steps.map(({ result, turn }) => ({
      band: result.band,
      probability: result.probability,
      label: `${turn < 0 ? t(lang, 'replayStart') : `#${turn + 1}`}: ${BAND_LABELS[result.band][lang]} ${formatPercent(result.probability)}`,
    }));
    chartBox.replaceChildren(renderBandChart(points, c.turns.length + 1, chartBox.clientWidth || 520, lang, t(lang, 'replayChart')));

    const latest = rises[rises.length - 1];
    alertBox.dataset.state = latest === undefined ? 'quiet' : 'raised';
    alertBox.replaceChildren(
      latest === undefined
        ? h('span', {}, t(lang, 'replayNoAlert', { band: BAND_LABELS[ALERT_BAND][lang] }))
        : h(
            'span',
            { 'data-from': latest.from, 'data-to': latest.to, 'data-turn': latest.turn === undefined ? '' : latest.turn + 1 },
            t(lang, 'replayAlert', {
              turn: latest.turn === undefined ? '–' : latest.turn + 1,
              to: BAND_LABELS[latest.to][lang],
              from: BAND_LABELS[latest.from][lang],
              action: BAND_ACTIONS[latest.to][lang],
            }),
          ),
    );
  }

  select.addEventListener('change', () => start());
  reset.addEventListener('click', () => start());
  next.addEventListener('click', () => {
    advance();
    render();
  });
  play.addEventListener('click', () => {
    if (timer !== undefined) stop();
    else {
      if (advance()) {
        timer = window.setInterval(() => {
          if (!advance()) stop();
          render();
        }, PLAY_INTERVAL_MS);
      }
    }
    render();
  });
  let chartWidth = chartBox.clientWidth;
  new ResizeObserver(() => {
    if (chartBox.clientWidth === chartWidth) return;
    chartWidth = chartBox.clientWidth;
    render();
  }).observe(chartBox);

  start();
  return {
    refresh: render,
    // A new model rescores the same turns from the start, so the chart compares like with like.
    restart: () => start(steps.length - 1),
  };
}
