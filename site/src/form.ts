import { CHANNELS, CHANNEL_LABELS, customerText, resolveChannel, type Interaction } from 'complaint-risk';
import { byId, h } from './dom.js';
import { t, type Lang } from './i18n.js';
import { formatTranscript, readTextInput, type TextInput } from './transcript.js';
import type { Example } from './examples.js';

/** The count fields of an Interaction and the inputs that hold them. */
const COUNTS = [
  ['waitSeconds', 'wait'],
  ['repeatContacts', 'repeat'],
  ['transfers', 'transfers'],
  ['priorComplaints', 'prior'],
] as const;

export interface FormReading {
  /** What goes to safeScore: left unknown-typed, since the library validates it. */
  interaction: Record<string, unknown>;
  /** The text evidence offsets point into. */
  customerWords: string;
  text: TextInput;
}

export const fields = {
  text: () => byId<HTMLTextAreaElement>('text'),
  channel: () => byId<HTMLSelectElement>('channel'),
  unresolved: () => byId<HTMLInputElement>('unresolved'),
  count: (id: (typeof COUNTS)[number][1]) => byId<HTMLInputElement>(id),
};

export function fillChannels(lang: Lang): void {
  const select = fields.channel();
  const chosen = select.value || 'phone';
  select.replaceChildren(
    ...CHANNELS.map((c) => h('option', { value: c }, lang === 'zh' ? CHANNEL_LABELS[c].zh : `${CHANNEL_LABELS[c].en} · ${CHANNEL_LABELS[c].zh}`)),
  );
  select.value = chosen;
}

/** A blank count is "not given" (left out), not zero: a fitted model may treat the two differently. */
function readCount(input: HTMLInputElement): unknown {
  const raw = input.value.trim();
  if (raw === '') return input.validity.badInput ? raw : undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

export function readForm(): FormReading {
  const interaction: Record<string, unknown> = { channel: fields.channel().value };
  for (const [key, id] of COUNTS) {
    const value = readCount(fields.count(id));
    if (value !== undefined) interaction[key] = value;
  }
  const unresolved = fields.unresolved();
  if (!unresolved.indeterminate) interaction.unresolved = unresolved.checked;
  const text = readTextInput(fields.text().value);
  if (text.kind === 'turns' && text.turns.length > 0) interaction.text = text.turns;
  else if (text.kind === 'text' && text.text !== '') interaction.text = text.text;
  return { interaction, customerWords: customerText(interaction.text as Interaction['text']), text };
}

export function fillForm(example: Example): void {
  const { interaction } = example;
  fields.channel().value = resolveChannel(interaction.channel) ?? 'other';
  for (const [key, id] of COUNTS) {
    const value = interaction[key];
    fields.count(id).value = value === undefined ? '' : String(value);
  }
  setUnresolved(interaction.unresolved);
  const text = interaction.text;
  fields.text().value = text === undefined ? '' : typeof text === 'string' ? text : formatTranscript(text, example.style);
}

export function setUnresolved(value: boolean | undefined): void {
  const box = fields.unresolved();
  box.indeterminate = value === undefined;
  box.checked = value === true;
}

export function unresolvedState(lang: Lang): string {
  const box = fields.unresolved();
  return box.indeterminate ? t(lang, 'notGiven') : t(lang, box.checked ? 'yes' : 'no');
}
