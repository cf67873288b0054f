import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { orderedPipeline } from '../../src/cli/score-jobs/ordered-pipeline.js';
import { batches } from '../../src/cli/batch-input/batches.js';
import { textCell, valueCell, numberCell } from '../../src/cli/output-forms/csv-cell.js';
import { tsvRows } from '../../src/cli/batch-input/tsv-rows.js';
import { readLines } from '../../src/cli/read-lines.js';
import { readLineChunks } from '../../src/cli/batch-input/line-chunks.js';
import { batchItems } from '../../src/cli/batch-input/row-batches.js';
import { jsonlItems } from '../../src/cli/batch-input/jsonl-items.js';
import fc from 'fast-check';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function* counting(n: number, read: number[] = []): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    read.push(i);
    yield i;
  }
}

describe('orderedPipeline', () => {
  it('hands results to the sink in source order however the work finishes', async () => {
    const seen: number[] = [];
    // Later items finish first.
    await orderedPipeline(counting(40), async (i) => (await sleep((40 - i) % 7), i * 10), async (r) => void seen.push(r), 5);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
  });

  it('never has more than `window` items in flight, and stops reading while the sink is slow', async () => {
    const read: number[] = [];
    let inFlight = 0;
    let most = 0;
    let written = 0;
    await orderedPipeline(
      counting(30, read),
      async (i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(1);
        inFlight--;
        return i;
      },
      async () => {
        // A slow consumer: while it waits, the source may be at most `window` ahead of it.
        expect(read.length - written).toBeLessThanOrEqual(4 + 1);
        await sleep(3);
        written++;
      },
      4,
    );
    expect(most).toBeLessThanOrEqual(4);
    expect(written).toBe(30);
  });

  it('rejects with the error of failed work and stops reading', async () => {
    const read: number[] = [];
    const run = orderedPipeline(counting(1000, read), async (i) => {
      if (i === 5) throw new Error('worker died');
      return i;
    }, async () => sleep(1), 3);
    await expect(run).rejects.toThrow('worker died');
    expect(read.length).toBeLessThan(20);
  });

  it('rejects with the error of the sink (a closed stdout)', async () => {
    const written: number[] = [];
    const run = orderedPipeline(counting(100), async (i) => i, async (r) => {
      if (r === 3) throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
      written.push(r);
    }, 2);
    await expect(run).rejects.toThrow('EPIPE');
    expect(written).toEqual([0, 1, 2]);
  });

  it('writes the results before a source error, then rejects with it', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      throw new Error('bad quote at line 3');
    }
    const written: number[] = [];
    await expect(orderedPipeline(failing(), async (i) => i, async (r) => void written.push(r), 4)).rejects.toThrow('bad quote');
    expect(written).toEqual([1, 2]);
  });
});

describe('batches', () => {
  it('groups items in order by count and by size', async () => {
    const groups: number[][] = [];
    for await (const g of batches(counting(10), () => 1, { maxItems: 4, maxChars: 100, maxWaitMs: 1000 })) groups.push(g);
    expect(groups).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    const bySize: number[][] = [];
    for await (const g of batches(counting(6), (i) => (i === 1 ? 50 : 1), { maxItems: 100, maxChars: 50, maxWaitMs: 1000 })) bySize.push(g);
    expect(bySize).toEqual([[0, 1], [2, 3, 4, 5]]);
  });

  it('sends a partly filled group when the source is slow, so a trickling pipe still flows', async () => {
    async function* trickle(): AsyncGenerator<string> {
      yield 'a';
      yield 'b';
      await sleep(120);
      yield 'c';
    }
    const groups: string[][] = [];
    for await (const g of batches(trickle(), () => 1, { maxItems: 100, maxChars: 1000, maxWaitMs: 20 })) groups.push(g);
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });
});

describe('CSV cells for spreadsheets', () => {
  it('neutralises text that would start a formula, and quotes per RFC 4180', () => {
    expect(textCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const start of ['+', '-', '@']) expect(textCell(`${start}1+1`).startsWith(`"'`)).toBe(true);
    // A leading tab or carriage return is shown escaped, so the cell starts with a backslash.
    expect(textCell('\t=1+1')).toBe('\\u0009=1+1');
    expect(textCell('\r=1+1')).toBe('\\u000d=1+1');
    expect(textCell('plain text')).toBe('plain text');
    expect(textCell('a, "b"')).toBe('"a, ""b"""');
    expect(textCell('two\nlines')).toBe('two\\u000alines');
    expect(textCell('\u001b[31mred')).toBe('\\u001b[31mred');
  });

  it('writes our numbers as numbers (a negative contribution is not a formula) and other values as text', () => {
    expect(numberCell(-0.47)).toBe('-0.47');
    expect(numberCell(Number.NaN)).toBe('');
    expect(valueCell(-5)).toBe('-5');
    expect(valueCell('-5')).toBe(`"'-5"`);
    expect(valueCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(valueCell(undefined)).toBe('');
  });
});

describe('line and TSV readers', () => {
  it('readLineChunks groups the lines of each chunk as raw UTF-8', async () => {
    const chunks = [Buffer.from('\uFEFFa\r\nb\nc'), Buffer.from('d\n\ne'), Buffer.from('f')];
    const groups: string[][] = [];
    for await (const chunk of readLineChunks(Readable.from(chunks))) groups.push(batchItems(chunk).map((item) => `${item.line}:${'json' in item ? item.json : 'problem' in item ? item.problem.code : ''}`));
    expect(groups).toEqual([['1:a', '2:b'], ['3:cd', '4:empty_line'], ['5:ef']]);
  });

  it('gives exactly the row items jsonlItems gives, for any bytes in any chunks (BOM, CR, blank, over-long, bad UTF-8)', async () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', '\uFEFF', ' ', '{"a":1}', '我要投诉', '\t'),
      fc.string({ maxLength: 12 }),
      fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), async (pieces, cuts) => {
        const bytes = Buffer.concat(pieces.map((p, i) => (i % 3 === 2 ? Buffer.from(p, 'latin1') : Buffer.from(p, 'utf8'))));
        const chunks: Buffer[] = [];
        for (let at = 0, k = 0; at < bytes.length; k++) {
          const size = cuts[k % cuts.length] as number;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        const limit = 10; // small, so over-long lines occur
        const expected: unknown[] = [];
        for await (const line of readLines(Readable.from(chunks), limit)) expected.push(line);
        const viaItems: unknown[] = [];
        for await (const item of jsonlItems(Readable.from(chunks))) viaItems.push(item);
        const got: { line: number; text: string; tooLong: boolean; bytes: number }[] = [];
        for await (const chunk of readLineChunks(Readable.from(chunks), limit)) {
          const long = new Map(chunk.tooLong.map((t) => [t.index, t.bytes]));
          for (let i = 0, start = 0; i < chunk.ends.length; i++) {
            const end = chunk.ends[i] as number;
            const text = long.has(i) ? '' : new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk.bytes.subarray(start, end));
            got.push({ line: chunk.firstLine + i, text, tooLong: long.has(i), bytes: long.get(i) ?? Buffer.byteLength(text) });
            start = end;
          }
        }
        // Bytes of a kept line are compared after decoding: readLines counts the raw line, CR and BOM included.
        expect(got.map(({ bytes: _b, ...rest }) => rest)).toEqual((expected as { line: number; text: string; tooLong: boolean }[]).map(({ line, text, tooLong }) => ({ line, text, tooLong })));
        for (const [i, g] of got.entries()) if (g.tooLong) expect(g.bytes).toBe((expected[i] as { bytes: number }).bytes);
        const items: unknown[] = [];
        for await (const chunk of readLineChunks(Readable.from(chunks))) items.push(...batchItems(chunk));
        expect(items).toEqual(viaItems);
      }),
      { numRuns: 300 },
    );
  });

  it('tsvRows splits on tabs only, keeps commas and quotes, and skips blank lines', async () => {
    const rows: unknown[] = [];
    for await (const r of tsvRows(Readable.from([Buffer.from('a\tb\r\n"x, y"\t\n\nz\n')]))) rows.push(r);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['"x, y"', ''] },
      { line: 4, fields: ['z'] },
    ]);
  });
});
