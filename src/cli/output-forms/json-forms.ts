import type { Factor, RiskResult } from '../../index.js';
import type { ScoredLine } from '../score-batch/score-item.js';
import { ROW_ID_KEY } from '../row-id.js';
import { DEFAULT_TOP, type FormSettings, type OutputForm } from './output-form.js';

/**
 * Full JSON, one object per line: the RiskResult as the library returns it
 * (all factors, or the first --top), or {"line", "error"}; the id and the
 * kept keys come first. Without ids, kept keys or --top each line is exactly
 * JSON.stringify(result), as it always was.
 */
export function jsonForm(settings: FormSettings): OutputForm {
  const top = settings.top;
  return {
    header: '',
    jsonEscaped: true,
    line: (scored) => JSON.stringify(scored.outcome.ok ? lead(scored, top === undefined ? scored.outcome.result : withTop(scored.outcome.result, top)) : errorLine(scored)) + '\n',
  };
}

/**
 * Compact JSON (--compact): the id, kept keys, probability, band, points
 * (with a points scale) and the top factors as {id, contribution[, points]};
 * errors as in full JSON. A few hundred bytes a row instead of ~1.3 KB.
 */
export function compactForm(settings: FormSettings): OutputForm {
  const top = settings.top ?? DEFAULT_TOP;
  return {
    header: '',
    jsonEscaped: true,
    line: (scored) => {
      if (!scored.outcome.ok) return JSON.stringify(errorLine(scored)) + '\n';
      const r = scored.outcome.result;
      const compact = {
        probability: r.probability,
        band: r.band,
        ...(r.points !== undefined ? { points: r.points } : {}),
        factors: r.factors.slice(0, top).map(compactFactor),
      };
      return JSON.stringify(lead(scored, compact)) + '\n';
    },
  };
}

function compactFactor(f: Factor): { id: string; contribution: number; points?: number } {
  return f.points === undefined ? { id: f.id, contribution: f.contribution } : { id: f.id, contribution: f.contribution, points: f.points };
}

function withTop(result: RiskResult, top: number): RiskResult {
  return result.factors.length <= top ? result : { ...result, factors: result.factors.slice(0, top) };
}

/** The id, then the kept keys, then `body`; `body` itself when there are neither. */
function lead(scored: ScoredLine, body: object): object {
  const id = scored.outcome.id;
  if (id === undefined && scored.kept === undefined) return body;
  return { ...(id === undefined ? {} : { [ROW_ID_KEY]: id }), ...scored.kept, ...body };
}

function errorLine(scored: ScoredLine): object {
  if (scored.outcome.ok) throw new Error('errorLine of a scored row');
  return lead(scored, { line: scored.line, error: scored.outcome.error });
}
