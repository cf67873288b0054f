import { defaultModel, type InputIssue, type Model } from 'complaint-risk';
import { byId, h, formatShortPercent, issueList } from './dom.js';
import { t, type Lang } from './i18n.js';
import { BANDS, BAND_LABELS } from './bands.js';
import { readModelFile } from './model-file.js';

export interface ModelChoice {
  model: Model;
  /** The file it came from; undefined for the built-in model. */
  source: string | undefined;
}

interface Rejection {
  name: string;
  issues: InputIssue[];
}

/**
 * Loading a model file (picker or drop anywhere on the page). A valid file
 * replaces the model every score uses; an invalid one leaves the current
 * model in place and lists each problem by its path.
 */
export function mountModelPanel(lang: () => Lang, onModel: (choice: ModelChoice) => void): { render(): void; current(): ModelChoice } {
  const input = byId<HTMLInputElement>('model-file');
  const errorBox = byId('model-error');
  let choice: ModelChoice = { model: defaultModel, source: undefined };
  let rejection: Rejection | undefined;

  async function load(file: File): Promise<void> {
    document.body.dataset.modelState = 'loading';
    const outcome = await readModelFile(file, (mb, max) => t(lang(), 'modelTooLarge', { mb, max }));
    if (outcome.ok) {
      rejection = undefined;
      choice = { model: outcome.model, source: file.name };
      onModel(choice);
    } else rejection = { name: file.name, issues: outcome.issues };
    render();
    document.body.dataset.modelState = outcome.ok ? 'loaded' : 'rejected';
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file !== undefined) void load(file);
  });

  // Anywhere on the page: a file dropped outside the zone must not make the browser navigate away to it.
  let depth = 0;
  window.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    depth++;
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void load(file);
  });

  byId('model-reset').addEventListener('click', () => {
    rejection = undefined;
    choice = { model: defaultModel, source: undefined };
    onModel(choice);
    render();
  });

  byId('model-download').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(defaultModel, null, 2)}\n`], { type: 'application/json' }));
    const link = h('a', { href: url, download: `${defaultModel.id.replace(/[^\w.-]+/g, '-')}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  });

  function render(): void {
    const l = lang();
    const { model, source } = choice;
    byId('model-id').textContent = model.id;
    byId('model-source').textContent = source === undefined ? t(l, 'modelBuiltin') : t(l, 'modelLoaded', { name: source });
    byId('model-reset').hidden = source === undefined;
    byId('model-features').textContent = t(l, 'modelFeatures', { n: model.features.length });
    const description = byId('model-description');
    description.textContent = model.description ?? '';
    description.hidden = model.description === undefined;

    const cuts = [0, model.bands.medium, model.bands.high, model.bands.critical, 1];
    byId('model-bands').replaceChildren(
      ...BANDS.map((band, i) =>
        h(
          'span',
          { class: 'band-segment', 'data-band': band, style: `flex-grow:${((cuts[i + 1] as number) - (cuts[i] as number)).toFixed(4)}` },
          h('span', {}, `${BAND_LABELS[band][l]}${i === 0 ? '' : ` ≥ ${formatShortPercent(cuts[i] as number)}`}`),
        ),
      ),
    );

    errorBox.hidden = rejection === undefined;
    if (rejection !== undefined) {
      errorBox.replaceChildren(
        h('p', {}, t(l, 'modelInvalid', { name: rejection.name, id: model.id })),
        issueList(rejection.issues),
      );
    } else errorBox.replaceChildren();
  }

  render();
  return { render, current: () => choice };
}
