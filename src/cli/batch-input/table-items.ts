import { UsageError } from '../command.js';
import { FIELD_BY_HEADER, headerKey } from '../interaction-columns.js';
import { attributeValue } from '../read-records.js';
import { ROW_ID_KEY } from '../row-id.js';
import { isForbiddenKey } from '../../index.js';
import type { RowItem } from './row-items.js';
import { noChannelColumn } from '../channel-option.js';

export interface TableMapping {
  /** Columns copied to the output as they are (`--keep`). */
  readonly keep: readonly string[];
  /** Attribute names the model reads: such a column becomes attributes.<column>; other extra columns are left out. */
  readonly attributes: ReadonlySet<string>;
  /** A --channel or --default-channel option supplies the channel, so the file need not have the column. */
  readonly channelGiven: boolean;
  /** Where to say which columns were left out (standard error). */
  readonly notice: (message: string) => void;
}

type Role = { kind: 'id' } | { kind: 'kept'; name: string } | { kind: 'field'; name: string; cell: (raw: string) => unknown } | { kind: 'attribute'; name: string } | { kind: 'ignored' };

/**
 * CSV or TSV rows (the first is the header) as row items, with the header
 * names `fit` reads (English or Chinese, case, `_` and `-` ignored): an `id`
 * column is the row id, `--keep` columns are copied, a column a model
 * feature reads becomes an attribute, and the rest are left out and listed
 * once. An empty cell is an absent signal. A file without a channel column
 * is refused at its header, in one message, unless --channel gives one.
 */
export async function* tableItems(rows: AsyncIterable<{ line: number; fields: string[] | undefined }>, mapping: TableMapping): AsyncGenerator<RowItem> {
  let roles: Role[] | undefined;
  for await (const { line, fields } of rows) {
    if (roles === undefined) {
      if (fields === undefined) throw new UsageError(`the header (line ${line}) is longer than a line may be`);
      roles = headerRoles(fields.map((f) => f.trim()), mapping);
      continue;
    }
    if (fields === undefined) yield { line, problem: { code: 'line_too_long', message: `line ${line} is longer than a line may be; skipped` } };
    else if (fields.length !== roles.length)
      yield { line, problem: { code: 'wrong_field_count', message: `${fields.length} fields where the header has ${roles.length}` } };
    else yield { line, row: rowObject(fields, roles), chars: fields.reduce((n, f) => n + f.length, 0) };
  }
}

function headerRoles(header: string[], mapping: TableMapping): Role[] {
  const forbidden = header.find(isForbiddenKey);
  if (forbidden !== undefined) throw new UsageError(`column name "${forbidden}" is not allowed`);
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) throw new UsageError(`column "${repeated}" appears twice in the header`);
  const missing = mapping.keep.find((name) => !header.includes(name));
  if (missing !== undefined) throw new UsageError(`--keep: no column "${missing}"; the columns are: ${header.join(', ')}`);
  const ignored: string[] = [];
  const roles = header.map((name): Role => {
    if (mapping.keep.includes(name)) return { kind: 'kept', name };
    if (headerKey(name) === ROW_ID_KEY) return { kind: 'id' };
    const named = FIELD_BY_HEADER.get(headerKey(name));
    if (named !== undefined) return { kind: 'field', name: named.field, cell: named.column.cell };
    if (mapping.attributes.has(name)) return { kind: 'attribute', name };
    ignored.push(name);
    return { kind: 'ignored' };
  });
  if (!mapping.channelGiven && !roles.some((r) => r.kind === 'field' && r.name === 'channel'))
    throw new UsageError(noChannelColumn(header));
  if (ignored.length > 0) mapping.notice(`columns no feature reads, left out: ${ignored.join(', ')}`);
  return roles;
}

function rowObject(fields: string[], roles: Role[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  let attributes: Record<string, unknown> | undefined;
  for (let i = 0; i < fields.length; i++) {
    const role = roles[i] as Role;
    const value = fields[i] as string;
    if (role.kind === 'kept') row[role.name] = value;
    else if (role.kind === 'ignored' || value === '') continue; // an empty cell is an absent signal
    else if (role.kind === 'id') row[ROW_ID_KEY] = value;
    else if (role.kind === 'field') row[role.name] = role.cell(value);
    else (attributes ??= {})[role.name] = attributeValue(value);
  }
  if (attributes !== undefined) row.attributes = attributes;
  return row;
}
