import { UsageError } from './command.js';
import { terminalSafe } from './terminal-safe.js';
import { CHANNELS, resolveChannel, type Channel } from '../index.js';

/**
 * `--channel NAME` (every row is from this channel; a row's own channel is
 * replaced) or `--default-channel NAME` (rows without a channel get it), for
 * exports that lack the column.
 */
export interface ChannelFill {
  readonly channel: Channel;
  /** Replace a row's own channel (`--channel`) or fill only rows without one (`--default-channel`). */
  readonly override: boolean;
}

export const CHANNEL_OPTIONS_HELP = `  --channel NAME    every row is from this channel (replaces a row's own)
  --default-channel NAME   the channel of rows that have none`;

export function parseChannelOptions(values: { channel?: string | undefined; 'default-channel'?: string | undefined }): ChannelFill | undefined {
  const given = values.channel ?? values['default-channel'];
  if (given === undefined) return undefined;
  if (values.channel !== undefined && values['default-channel'] !== undefined) throw new UsageError('give --channel or --default-channel, not both');
  const option = values.channel !== undefined ? '--channel' : '--default-channel';
  const channel = resolveChannel(given);
  if (channel === undefined) throw new UsageError(`${option}: unknown channel "${given}"; use one of ${CHANNELS.join(', ')} or an alias such as 电话, 在线, 网点`);
  return { channel, override: values.channel !== undefined };
}

/** The row with the channel filled in; anything that is not a plain object is left for validation to report. */
export function fillChannel(row: unknown, fill: ChannelFill | undefined): unknown {
  if (fill === undefined || typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  if (!fill.override && Object.hasOwn(row, 'channel')) return row;
  return { ...(row as Record<string, unknown>), channel: fill.channel };
}

/** Whether a parsed row states no channel of its own (for the one message when no row does). */
export function lacksChannel(row: unknown): boolean {
  return typeof row === 'object' && row !== null && !Array.isArray(row) && !Object.hasOwn(row, 'channel');
}

/** The one message for a CSV/TSV header without a channel column (and no option giving one). */
export function noChannelColumn(header: readonly string[]): string {
  return `no channel column (channel or 渠道) in the header, so no row has a channel: give --channel NAME (e.g. --channel phone) or --default-channel NAME; the columns are: ${header.map(terminalSafe).join(', ')}`;
}

/** The one line said when no row of an input has a channel, instead of a channel error per row only; `source` (a file name) is escaped here. */
export function noChannelMessage(source: string): string {
  return `no row of ${terminalSafe(source)} has a channel: give --channel NAME (every row) or --default-channel NAME (rows without one), e.g. --channel phone`;
}
