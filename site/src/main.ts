import { createScorer, type RiskResult, type Scorer } from 'complaint-risk';
import { byId, h, formatPercent, issueList } from './dom.js';
import { isStringKey, preferredLang, t, type Lang } from './i18n.js';
import { BAND_ACTIONS, BAND_LABELS } from './bands.js';
import { examples, conversations } from './examples.js';
import { fields, fillChannels, fillForm, readForm, unresolvedState, type FormReading } from './form.js';
import { renderWaterfall } from './waterfall.js';
import { renderEvidence } from './evidence.js';
import { mountModelPanel } from './model-panel.js';
import { mountReplay } from './replay.js';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
const DEBOUNCE_MS = 150;

let lang: Lang = preferredLang(navigator.languages ?? [navigator.language]);
let scorer: Scorer = createScorer();
let shown: { reading: FormReading; result: RiskResult } | undefined;
let timer: number | undefined;
/** How many times the page has scored: lets a test see that typing is debounced. */
let scorings = 0;

const resultBox = byId('result');

function translateStatic(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (isStringKey(key)) element.textContent = t(lang, key);
  }
  fields.text().placeholder = t(lang, 'textPlaceholder');
  fillChannels(lang);
  fillExamples();
  byId('unresolved-state').textContent = unresolvedState(lang);
}

function fillExamples(): void {
  const select = byId<HTMLSelectElement>('example');
  const chosen = select.value;
  const group = (name: 'interactions' | 'conversations', label: string): HTMLOptGroupElement =>
    h('optgroup', { label }, ...examples.filter((e) => e.group === name).map((e) => h('option', { value: e.id }, e.label)));
  select.replaceChildren(
    h('option', { value: '' }, t(lang, 'examplePick')),
    group('interactions', t(lang, 'groupInteractions')),
    group('conversations', t(lang, 'groupConversations')),
  );
  select.value = chosen;
}

function schedule(delay = DEBOUNCE_MS): void {
  resultBox.dataset.state = 'pending';
  if (timer !== undefined) window.clearTimeout(timer);
  timer = window.setTimeout(scoreNow, delay);
}

function scoreNow(): void {
  timer = undefined;
  resultBox.dataset.scorings = String(++scorings);
  const reading = readForm();
  byId('unresolved-state').textContent = unresolvedState(lang);
  const turnsNote = byId('turns-read');
  turnsNote.hidden = reading.text.kind !== 'turns';
  if (reading.text.kind === 'turns') {
    const customer = reading.text.turns.filter((turn) => turn.speaker === 'customer').length;
    turnsNote.textContent = t(lang, 'turnsRead', { n: reading.text.turns.length, c: customer });
  }
  const outcome = scorer.safeScore(reading.interaction);
  const errorBox = byId('input-error');
  if (!outcome.ok) {
    errorBox.hidden = false;
    errorBox.replaceChildren(
      h('strong', {}, t(lang, 'inputError')),
      issueList(outcome.error.issues),
    );
    resultBox.dataset.state = 'error';
    return;
  }
  errorBox.hidden = true;
  shown = { reading, result: outcome.result };
  renderResult();
  resultBox.dataset.state = 'ready';
}

function renderResult(): void {
  if (shown === undefined) return;
  const { result, reading } = shown;
  resultBox.dataset.band = result.band;
  const probability = byId('probability');
  probability.textContent = formatPercent(result.probability);
  probability.dataset.value = String(result.probability);
  const band = byId('band');
  band.textContent = BAND_LABELS[result.band][lang];
  band.dataset.band = result.band;
  byId('action').textContent = BAND_ACTIONS[result.band][lang];
  byId('live-pill-probability').textContent = formatPercent(result.probability);
  const pillBand = byId('live-pill-band');
  pillBand.textContent = BAND_LABELS[result.band][lang];
  pillBand.dataset.band = result.band;
  byId('waterfall').replaceChildren(renderWaterfall(result, scorer.model, lang));
  byId('evidence-box').replaceChildren(renderEvidence(result, reading.customerWords, lang));
}

const models = mountModelPanel(
  () => lang,
  ({ model }) => {
    scorer = createScorer(model);
    replay.restart();
    schedule(0);
  },
);
const replay = mountReplay(conversations, { lang: () => lang, model: () => models.current().model });

byId('lang').addEventListener('change', (event) => {
  lang = (event.target as HTMLSelectElement).value === 'zh' ? 'zh' : 'en';
  translateStatic();
  renderResult();
  models.render();
  replay.refresh();
});

byId('example').addEventListener('change', (event) => {
  const example = examples.find((e) => e.id === (event.target as HTMLSelectElement).value);
  if (example === undefined) return;
  fillForm(example);
  schedule(0);
});

const form = byId('interaction-form');
const edited = (): void => {
  byId<HTMLSelectElement>('example').value = '';
  schedule();
};
form.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).id !== 'example') edited();
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).id !== 'example') edited();
});
form.addEventListener('submit', (event) => event.preventDefault());

// On a phone the result is below the text box: a small live summary floats while the headline is out of view.
new IntersectionObserver((entries) => {
  for (const entry of entries) byId('live-pill').dataset.visible = String(!entry.isIntersecting);
}).observe(resultBox.querySelector('.headline') ?? resultBox);

byId<HTMLSelectElement>('lang').value = lang;
translateStatic();
const first = examples[0];
if (first !== undefined) {
  byId<HTMLSelectElement>('example').value = first.id;
  fillForm(first);
}
scoreNow();
document.body.dataset.ready = 'true';
