import type { InteractionField } from '../index.js';

/** How a CSV/TSV column fills one interaction field. */
export interface FieldColumn {
  /** Header names that mean this field, compared lower-cased without `_`, `-` or blanks; the first is the canonical one. */
  readonly headers: readonly string[];
  /** The cell as the field's value; text that is not a valid value is passed on, so validation names the field. */
  readonly cell: (raw: string) => unknown;
}

const TRUE: ReadonlySet<string> = new Set(['1', 'true', 'yes', 'y', 't', '是', '有']);
const FALSE: ReadonlySet<string> = new Set(['0', 'false', 'no', 'n', 'f', '否', '无']);

/**
 * A plain decimal number as spreadsheets write it (-12, 3.5, 1.2E+06), or
 * undefined. Not Number(): it also reads 0x48c, 0b11, .5e1, Infinity and a
 * blank cell as numbers, none of which an export means as one.
 */
export function decimalNumber(raw: string): number | undefined {
  const v = raw.trim();
  if (v.length > 64 || !/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d{1,3})?$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Numbers stay numbers; anything else is passed on as text so validation names the field. */
const numberCell = (raw: string): unknown => decimalNumber(raw) ?? raw;
const textCell = (raw: string): unknown => raw;

/** 1/0, true/false, yes/no, 是/否 (case-insensitive); anything else is passed on for validation to name. */
export function booleanCell(raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : raw;
}

/**
 * Which columns of an export fill which interaction field, in English and
 * in the names Chinese exports use. Keyed by every interaction field, so a
 * new field is a compile error here until it has its columns (or `null`,
 * with the reason it cannot come from one cell).
 */
export const FIELD_COLUMNS: Record<InteractionField, FieldColumn | null> = {
  channel: { headers: ['channel', '渠道'], cell: textCell },
  waitSeconds: { headers: ['waitSeconds', 'wait', '等待秒数', '等待时长秒'], cell: numberCell },
  repeatContacts: { headers: ['repeatContacts', '重复联系', '重复来电'], cell: numberCell },
  text: { headers: ['text', '客户原话', '文本'], cell: textCell },
  transfers: { headers: ['transfers', '转接次数'], cell: numberCell },
  unresolved: { headers: ['unresolved', '未解决'], cell: booleanCell },
  priorComplaints: { headers: ['priorComplaints', '历史投诉'], cell: numberCell },
  // Every column that names no field becomes attributes.<column>.
  attributes: null,
  // A list of dated contacts does not fit one cell; use JSONL for it.
  history: null,
  now: { headers: ['now', '时间'], cell: (raw) => (/^\d+$/.test(raw) ? Number(raw) : raw) },
};

/** Header spellings are compared in this form: `Wait_Seconds` and `wait seconds` both name waitSeconds. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** The interaction field a header names, if any. */
export const FIELD_BY_HEADER: ReadonlyMap<string, { field: InteractionField; column: FieldColumn }> = new Map(
  (Object.entries(FIELD_COLUMNS) as [InteractionField, FieldColumn | null][]).flatMap(([field, column]) =>
    column === null ? [] : column.headers.map((header) => [headerKey(header), { field, column }] as const),
  ),
);

/** The header names for the --help texts: `waitSeconds (or wait, 等待秒数, 等待时长秒)`. */
export function fieldColumnsHelp(): string {
  return (Object.values(FIELD_COLUMNS) as (FieldColumn | null)[])
    .flatMap((column) => (column === null ? [] : [column.headers.length > 1 ? `${column.headers[0]} (or ${column.headers.slice(1).join(', ')})` : column.headers[0]]))
    .join(', ');
}
