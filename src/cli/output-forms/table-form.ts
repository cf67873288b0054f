import { tableError, tableHeader, tableRows } from '../format-table.js';
import { DEFAULT_TOP, type FormSettings, type OutputForm } from './output-form.js';

/** The readable table (--format table): band, risk, points (with a scale) and the top factors per row. */
export function tableForm(settings: FormSettings): OutputForm {
  const top = settings.top ?? DEFAULT_TOP;
  return {
    header: tableHeader(settings.lang, settings.points),
    jsonEscaped: false,
    line: ({ line, outcome }) => (outcome.ok ? tableRows(line, outcome.result, settings.lang, top) : tableError(line, outcome.error, settings.lang)),
  };
}
