import type { Factor } from '../../index.js';
import type { ScoredLine } from '../score-batch/score-item.js';
import { numberCell, textCell, valueCell } from './csv-cell.js';
import { DEFAULT_TOP, type FormSettings, type OutputForm } from './output-form.js';

/**
 * CSV for spreadsheets (--format csv): one row per input row, a header row
 * first. Columns: line, id, the --keep keys, probability, band, points (with
 * a points scale), then for each of the top N factors its id, contribution,
 * points and reason (in --lang), and last the error of a row that was not
 * scored. Text cells are neutralised against formula injection.
 */
export function csvForm(settings: FormSettings): OutputForm {
  const top = settings.top ?? DEFAULT_TOP;
  const factorColumns = (k: number): string[] => [`factor_${k}`, `contribution_${k}`, ...(settings.points ? [`points_${k}`] : []), `reason_${k}`];
  const columns = [
    'line',
    'id',
    ...settings.keep,
    'probability',
    'band',
    ...(settings.points ? ['points'] : []),
    ...Array.from({ length: top }, (_, i) => factorColumns(i + 1)).flat(),
    'error',
  ];
  const width = columns.length;
  const factorCells = (f: Factor | undefined): string[] => {
    if (f === undefined) return settings.points ? ['', '', '', ''] : ['', '', ''];
    return [textCell(f.id), numberCell(f.contribution), ...(settings.points ? [numberCell(f.points ?? NaN)] : []), textCell(f.reason[settings.lang])];
  };
  return {
    header: columns.map(textCell).join(',') + '\r\n',
    jsonEscaped: false,
    line(scored: ScoredLine) {
      const { outcome } = scored;
      const cells = [String(scored.line), valueCell(outcome.id), ...settings.keep.map((k) => valueCell(scored.kept?.[k]))];
      if (outcome.ok) {
        const r = outcome.result;
        cells.push(numberCell(r.probability), r.band, ...(settings.points ? [numberCell(r.points ?? NaN)] : []));
        for (let k = 0; k < top; k++) cells.push(...factorCells(r.factors[k]));
        cells.push('');
      } else {
        while (cells.length < width - 1) cells.push('');
        cells.push(textCell(outcome.error.message));
      }
      return cells.join(',') + '\r\n';
    },
  };
}
