import type { Writable } from 'node:stream';
import { writeMessage, writeTerminalControl } from './write-output.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * How long work reports itself on standard error (never on stdout, which
 * carries the results): a live line redrawn in place when stderr is a
 * terminal, a plain line every few seconds with --progress otherwise (a log
 * file, a CI job), nothing with --quiet.
 */
export type ProgressMode = 'live' | 'lines' | 'off';

export function progressMode(stderr: Writable, flags: { progress?: boolean | undefined; quiet?: boolean | undefined }): ProgressMode {
  if (flags.quiet === true) return 'off';
  if ((stderr as { isTTY?: boolean }).isTTY === true) return 'live';
  return flags.progress === true ? 'lines' : 'off';
}

export interface ProgressOptions {
  /** The work in hand, first on every line: "score", "fit: reading". */
  readonly label: string;
  /** Size of the input in bytes, when it is a file: gives a percentage and an ETA. */
  readonly totalBytes?: number | undefined;
  /** Between plain lines (default 5 s). */
  readonly intervalMs?: number;
  /** The clock (tests pass their own). */
  readonly now?: () => number;
}

export interface Progress {
  /** Rows done so far, and input bytes read so far (or, for a known row count, rows of `totalRows`). */
  update(rows: number, position?: { bytes?: number; totalRows?: number }): void;
  /** Starts another stage of the same run ("fit: features"), with its own rate (and input size, if it reads one). */
  stage(label: string, totalBytes?: number): void;
  /** A message that is not progress (a note, a warning): its own line, unless quiet. */
  say(message: string): void;
  /** Ends the live line; prints `summary` as the last line, unless quiet. */
  done(summary?: string): void;
}

/** A live line is redrawn at most this often. */
const REDRAW_MS = 100;

export function createProgress(stderr: Writable, mode: ProgressMode, quiet: boolean, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 5000;
  let label = options.label;
  let totalBytes = options.totalBytes;
  let started = now();
  // Plain lines start with the first update (a log shows the run has begun), then come every interval.
  let lastShown = mode === 'lines' ? Number.NEGATIVE_INFINITY : started;
  let live = false; // a live line is on screen
  const clear = (): void => {
    if (live) writeTerminalControl(stderr, '\r\x1b[K');
    live = false;
  };
  return {
    update(rows, position = {}) {
      if (mode === 'off') return;
      const t = now();
      if (t - lastShown < (mode === 'live' ? REDRAW_MS : interval)) return;
      lastShown = t;
      const text = progressLine(label, rows, (t - started) / 1000, fractionDone(position, rows, totalBytes));
      if (mode === 'live') {
        const width = (stderr as { columns?: number }).columns ?? 80;
        writeTerminalControl(stderr, `\r${terminalSafe(text).slice(0, Math.max(20, width - 1))}\x1b[K`);
        live = true;
      } else writeMessage(stderr, text + '\n');
    },
    stage(next, size) {
      label = next;
      totalBytes = size;
      started = now();
      lastShown = mode === 'lines' ? Number.NEGATIVE_INFINITY : started;
    },
    say(message) {
      if (quiet) return;
      clear();
      writeMessage(stderr, message + '\n');
    },
    done(summary) {
      clear();
      if (summary !== undefined && mode !== 'off') writeMessage(stderr, summary + '\n');
    },
  };
}

function fractionDone(position: { bytes?: number; totalRows?: number }, rows: number, totalBytes: number | undefined): number | undefined {
  if (position.totalRows !== undefined && position.totalRows > 0) return Math.min(1, rows / position.totalRows);
  if (position.bytes !== undefined && totalBytes !== undefined && totalBytes > 0) return Math.min(1, position.bytes / totalBytes);
  return undefined;
}

/** "score: 120,000 rows · 52.1 k rows/s · 61% · ETA 3 s" (no percentage or ETA when the size is unknown). */
export function progressLine(label: string, rows: number, seconds: number, fraction: number | undefined): string {
  const parts = [`${label}: ${rows.toLocaleString('en')} rows`];
  if (seconds > 0) parts.push(`${rate(rows / seconds)} rows/s`);
  if (fraction !== undefined) {
    parts.push(`${Math.floor(fraction * 100)}%`);
    if (fraction > 0 && fraction < 1) parts.push(`ETA ${duration((seconds * (1 - fraction)) / fraction)}`);
  }
  return parts.join(' · ');
}

/** The closing line: "score: 200,000 rows in 3.8 s (52.6 k rows/s)". */
export function summaryLine(label: string, rows: number, seconds: number): string {
  return `${label}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s${seconds > 0 ? ` (${rate(rows / seconds)} rows/s)` : ''}`;
}

function rate(perSecond: number): string {
  return perSecond >= 1000 ? `${(perSecond / 1000).toFixed(1)} k` : perSecond.toFixed(0);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
