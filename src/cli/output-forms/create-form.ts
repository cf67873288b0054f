import { compactForm, jsonForm } from './json-forms.js';
import { csvForm } from './csv-form.js';
import { tableForm } from './table-form.js';
import type { FormSettings, OutputForm } from './output-form.js';

export function createOutputForm(settings: FormSettings): OutputForm {
  if (settings.format === 'csv') return csvForm(settings);
  if (settings.format === 'table') return tableForm(settings);
  return settings.compact ? compactForm(settings) : jsonForm(settings);
}
