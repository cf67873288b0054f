import type { InputError, InputIssueCode, Scorer } from '../../index.js';
import type { RowItem } from '../batch-input/row-items.js';
import { scoreRow, type RowOutcome } from '../score-row.js';
import { takeKept, type KeptValues } from '../keep-option.js';
import { fillChannel, lacksChannel, type ChannelFill } from '../channel-option.js';

/** How rows are read before scoring: what the options take off and fill in. Plain data, so it reaches workers. */
export interface RowSettings {
  /** `--keep` keys, copied to the output and never scored. */
  readonly keep: readonly string[];
  readonly channel: ChannelFill | undefined;
}

/** One input row's outcome, with what its output line repeats of it. */
export interface ScoredLine {
  readonly line: number;
  readonly outcome: RowOutcome;
  readonly kept: KeptValues;
  /** The row was an object without a channel of its own (before --default-channel filled one). */
  readonly lacksChannel: boolean;
}

/** Scores one row item; never throws (a bad row is an outcome with its error). */
export function scoreItem(scorer: Scorer, settings: RowSettings, item: RowItem): ScoredLine {
  if ('problem' in item) return failed(item.line, lineError(item.problem.code, item.problem.message));
  let parsed: unknown;
  if ('json' in item) {
    try {
      parsed = JSON.parse(item.json);
    } catch (cause) {
      return failed(item.line, lineError('invalid_json', `invalid JSON: ${(cause as Error).message}`));
    }
  } else parsed = item.row;
  const { row, kept } = takeKept(parsed, settings.keep);
  return { line: item.line, outcome: scoreRow(scorer, fillChannel(row, settings.channel)), kept, lacksChannel: lacksChannel(row) };
}

function failed(line: number, error: InputError): ScoredLine {
  return { line, outcome: { ok: false, id: undefined, error }, kept: undefined, lacksChannel: false };
}

function lineError(code: InputIssueCode, message: string): InputError {
  return { message, issues: [{ path: '(root)', code, message }] };
}
