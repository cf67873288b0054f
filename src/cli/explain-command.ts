import { parseArgs } from 'node:util';
import { writeChunk, writeMessage } from './write-output.js';
import { type Command, UsageError } from './command.js';
import { createScorer, type RiskResult, logit } from '../index.js';
import { loadModel } from './load-model.js';
import { readBounded } from './read-bounded.js';
import { MAX_LINE_BYTES } from './read-lines.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './terminal-safe.js';
import { parseLang } from './shared-options.js';
import { formatNumber } from './format-number.js';
import type { Lang } from './format-table.js';

const HELP = `Usage: complaint-risk explain '<interaction JSON>' [options]
       complaint-risk explain - [options]        (reads the JSON from standard input)

Scores one interaction and explains every factor: its contribution in
log-odds, the reason an agent reads, and the customer's words behind it.
The contributions add up to the log-odds minus the reference's.

Options:
  --model FILE   a model JSON file (default: the built-in model)
  --lang zh|en   language of the explanation (default: en)
  --json         print the RiskResult as JSON instead
  -h, --help     this text

Exit code: 0 when scored, 1 for an invalid interaction, 2 for a usage or I/O
error (bad option, unreadable model, more than 16 MiB on standard input, a
failed write: one line, no stack), 3 for an internal error.`;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'explain the risk of one interaction, factor by factor',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError("explain takes one interaction as JSON, or - to read it from standard input");
    const lang = parseLang(values.lang);
    const source = positionals[0] === '-' ? await readBounded(io.stdin, MAX_LINE_BYTES, 'the interaction on standard input') : (positionals[0] as string);
    let input: unknown;
    try {
      input = JSON.parse(source);
    } catch (cause) {
      writeMessage(io.stderr, `invalid JSON: ${terminalSafe((cause as Error).message)}\n`);
      return EXIT.rowsFailed;
    }
    const scorer = createScorer(await loadModel(values.model));
    const outcome = scorer.safeScore(input);
    if (!outcome.ok) {
      writeMessage(io.stderr, terminalSafe(outcome.error.message) + '\n');
      return EXIT.rowsFailed;
    }
    await writeChunk(io.stdout, values.json ? JSON.stringify(outcome.result, null, 2) + '\n' : explainText(outcome.result, lang));
    return EXIT.ok;
  },
};

const WORDS = {
  zh: { risk: '投诉风险', ref: '参照情形', model: '模型', odds: '对数几率', words: '依据' },
  en: { risk: 'Complaint risk', ref: 'reference', model: 'model', odds: 'log-odds', words: 'words' },
} as const;

const BANDS = {
  zh: { low: '低', medium: '中', high: '高', critical: '紧急' },
  en: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
} as const;

/** A readable explanation: headline, then each factor with its contribution and evidence. */
export function explainText(result: RiskResult, lang: Lang): string {
  const w = WORDS[lang];
  const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;
  const lines = [
    `${w.risk}: ${pct(result.probability)} (${BANDS[lang][result.band]}) — ${w.ref} ${pct(result.reference.probability)}, ${w.model} ${terminalSafe(result.modelId)}`,
    `${w.odds}: ${formatNumber(logit(result.reference.probability))} → ${formatNumber(logit(result.probability))}`,
  ];
  for (const factor of result.factors) {
    lines.push(`  ${formatNumber(factor.contribution, true).padStart(6)}  ${terminalSafe(factor.reason[lang])}`);
    if (factor.evidence !== undefined) {
      const quoted = factor.evidence.map((e) => `${terminalSafe(e.text)} [${e.start}-${e.end} ${e.kind}]`).join(', ');
      lines.push(`          ${w.words}: ${quoted}`);
    }
  }
  return lines.join('\n') + '\n';
}
