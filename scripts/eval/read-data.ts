import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled text: `negative` is the class the negativity signal should rank first. */
export interface EvalRow {
  text: string;
  negative: boolean;
  group?: string;
}

export interface EvalSet {
  name: string;
  language: 'zh' | 'en';
  /** What "negative" means here. */
  target: string;
  rows: EvalRow[];
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The shared evaluation sets that exist under `dir`; never copied into the project. */
export function readEvalSets(dir: string): EvalSet[] {
  const sets: EvalSet[] = [];
  const chn = join(dir, 'chnsenticorp_htl_zh.csv');
  if (existsSync(chn)) {
    const rows = parseCsv(readFileSync(chn, 'utf8')).slice(1);
    sets.push({
      name: 'ChnSentiCorp hotel reviews (zh)',
      language: 'zh',
      target: 'negative review',
      rows: rows.filter((r) => r.length >= 2 && (r[1] ?? '').length > 0).map((r) => ({ text: r[1] as string, negative: r[0] === '0' })),
    });
  }
  const vader = join(dir, 'vader_tweets_en.tsv');
  if (existsSync(vader)) {
    const rows = readFileSync(vader, 'utf8').split('\n').slice(1);
    const out: EvalRow[] = [];
    for (const line of rows) {
      const [, rating, ...rest] = line.split('\t');
      const r = Number(rating);
      if (!Number.isFinite(r) || r === 0) continue;
      out.push({ text: rest.join('\t'), negative: r < 0 });
    }
    sets.push({ name: 'VADER tweets (en)', language: 'en', target: 'human mean rating < 0', rows: out });
  }
  const complaints = join(dir, 'complaints_en_train.csv');
  if (existsSync(complaints)) {
    const rows = parseCsv(readFileSync(complaints, 'utf8')).slice(1);
    sets.push({
      name: 'Complaint tweets (en)',
      language: 'en',
      target: 'complaint',
      rows: rows.filter((r) => r.length >= 4).map((r) => ({ text: r[1] as string, negative: r[2] === '1', group: r[3] as string })),
    });
  }
  return sets;
}
