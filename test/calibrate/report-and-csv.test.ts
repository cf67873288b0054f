import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { fit, evaluate, renderReport, thresholdTable } from '../../src/calibrate.js';
import { csvRows } from '../../src/cli/csv-rows.js';
import { readRecords } from '../../src/cli/read-records.js';
import { syntheticData } from '../support/synthetic.js';

describe('HTML report', () => {
  it('is one self-contained file: inline SVG, no scripts, no URLs, hostile names escaped', () => {
    const data = syntheticData(2_000, 8);
    const { model, report } = fit(data.records, { baseModel: data.truth, id: '<script>alert(1)</script>', description: 'x' });
    const evaluation = evaluate(model, data.records);
    const html = renderReport({ model, fit: report, evaluation, thresholds: thresholdTable([0.1, 0.5], [0, 1], [0.3]), title: 'Q3 <b>report</b> 投诉' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toMatch(/https?:|<link|<img|<iframe|@import|url\(/i);
    // ROC, reliability, distribution, weights.
    expect((html.match(/<svg /g) ?? []).length).toBe(4);
    expect(html).toMatch(/<path d="M[\d.]+ [\d.]+ L/);
    for (const column of Object.keys(model.weights)) expect(html).toContain(`<td>${column}</td>`);
    expect(html).not.toMatch(/NaN|undefined/);
  });
});

async function rows(text: string, chunk: number): Promise<{ line: number; fields: string[] }[]> {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  const out = [];
  for await (const row of csvRows(Readable.from(parts))) out.push(row);
  return out;
}

describe('CSV reading', () => {
  it('handles quotes, doubled quotes, line breaks in fields, CRLF and a BOM across any chunking', async () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""\nz",3\r\n\n4,,"6"\n"q"';
    const expected = [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"\nz', '3'] },
      { line: 5, fields: ['4', '', '6'] },
      { line: 6, fields: ['q'] },
    ];
    for (const chunk of [1, 2, 3, 7, 1000]) expect(await rows(text, chunk)).toEqual(expected);
  });

  it('maps columns to interaction fields and attributes, labels and weights', async () => {
    const csv = 'Channel,wait_seconds,Unresolved,text,tier,balance,vip,complained,w\nphone,30,yes,"我要投诉",gold,1200.5,true,是,2\n电话,,no,,,,,0,\n';
    const source = await readRecords(Readable.from([csv]), { format: 'csv', label: 'complained', weight: 'w' });
    expect(source.records).toEqual([
      { channel: 'phone', waitSeconds: 30, unresolved: true, text: '我要投诉', attributes: { tier: 'gold', balance: 1200.5, vip: true }, label: 1, weight: 2 },
      { channel: '电话', unresolved: false, label: 0 },
    ]);
    expect(source.lines).toEqual([2, 3]);
    expect(source.attributeColumns).toEqual(['tier', 'balance', 'vip']);
  });

  it('reads Chinese headers', async () => {
    const csv = '渠道,等待秒数,未解决,客户原话,是否投诉\n网点,900,是,排了一个小时,是\n';
    const source = await readRecords(Readable.from([csv]), { format: 'csv', label: '是否投诉' });
    expect(source.records).toEqual([{ channel: '网点', waitSeconds: 900, unresolved: true, text: '排了一个小时', label: 1 }]);
  });

  it('refuses header names that could reach an object prototype, and repeated columns', async () => {
    await expect(readRecords(Readable.from(['channel,__proto__,label\nphone,x,1\n']), { format: 'csv', label: 'label' })).rejects.toThrow(/"__proto__" is not allowed/);
    await expect(readRecords(Readable.from(['channel,tier,tier\nphone,a,b\n']), { format: 'csv' })).rejects.toThrow(/appears twice/);
  });
});
