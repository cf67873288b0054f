/**
 * What went wrong when the CLI read or wrote a file or stream, told in one
 * line without a stack: these are the operator's to fix (a full disk, a
 * wrong path), not bugs. They exit with code 2, like a usage error.
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  EBADF: 'not open for writing',
  EPIPE: 'the reader closed the pipe',
  ECONNRESET: 'the connection was reset',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
};

/** ENOENT, ENOSPC, EIO, ...: an error from the operating system (Node sets a code and the failed call). */
export function isSystemError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && (typeof syscall === 'string' || error instanceof OutputError);
}

/** True for the error a closed pipe (`| head`) raises: the reader left, not a failure. */
export function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}

/** "no space left on device (ENOSPC)": the system's reason in words, with its code for a search. */
export function systemReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A failed write or read of one named target: `cannot write standard output: no space left on device (ENOSPC)`. */
export class OutputError extends Error {
  override name = 'OutputError';
  /** The system error's code (ENOSPC, EPIPE, ...), so callers can tell a closed pipe. */
  readonly code: string;
  constructor(
    readonly target: string,
    override readonly cause: unknown,
    verb: 'write' | 'read' = 'write',
  ) {
    super(`cannot ${verb} ${target}: ${systemReason(cause)}`);
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : 'EIO';
  }
}

/** One line for any system error: an OutputError says its target already; others get the system's reason. */
export function describeIoError(error: Error & { code: string }): string {
  if (error instanceof OutputError) return error.message;
  const path = (error as { path?: unknown }).path;
  const syscall = (error as { syscall?: unknown }).syscall;
  const verb = syscall === 'write' || syscall === 'rename' || syscall === 'fsync' ? 'write' : 'open';
  return typeof path === 'string' ? `cannot ${verb} ${path}: ${systemReason(error)}` : systemReason(error);
}
