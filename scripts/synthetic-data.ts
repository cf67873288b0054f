/**
 * Writes synthetic labelled history drawn from a known model (see
 * test/support/synthetic.ts) as CSV or JSONL, for trying `complaint-risk fit`
 * and `evaluate` without real data:
 *
 *   npx tsx scripts/synthetic-data.ts --rows 20000 --seed 1 --out /tmp/history.csv
 *   npx tsx scripts/synthetic-data.ts --rows 5000 --seed 2 --format jsonl > /tmp/history.jsonl
 */
import { parseArgs } from 'node:util';
import { createWriteStream } from 'node:fs';
import { syntheticData } from '../test/support/synthetic.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
});
const rows = Number(values.rows);
const seed = Number(values.seed);
const format = values.format ?? (values.out?.endsWith('.csv') ? 'csv' : 'jsonl');
const out = values.out === undefined ? process.stdout : createWriteStream(values.out);
const { records } = syntheticData(rows, seed);

const quote = (v: unknown): string => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
if (format === 'csv') {
  out.write('channel,waitSeconds,repeatContacts,transfers,unresolved,priorComplaints,text,tier,tenureYears,complained\n');
  for (const r of records) {
    const a = r.attributes ?? {};
    out.write(
      [r.channel, r.waitSeconds, r.repeatContacts, r.transfers, r.unresolved ? 1 : 0, r.priorComplaints, r.text, a.tier, a.tenureYears, r.label ? 1 : 0]
        .map(quote)
        .join(',') + '\n',
    );
  }
} else {
  for (const { label, ...r } of records) out.write(JSON.stringify({ ...r, complained: label }) + '\n');
}
if (out !== process.stdout) out.end();
