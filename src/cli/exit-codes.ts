/**
 * What a complaint-risk process tells its caller (documented in --help,
 * README and SECURITY.md), so pipelines can tell a bad row from a bad run.
 */
export const EXIT = Object.freeze({
  /** Every line scored. */
  ok: 0,
  /** The run finished, but at least one line was reported as an error in its place. */
  rowsFailed: 1,
  /** Nothing or not everything was scored: a bad option, an unreadable or invalid model or input file. */
  usage: 2,
  /** Reading or writing failed (a full disk, a missing file, a closed output): the same code as a usage error, one line on standard error. */
  io: 2,
  /** A bug in complaint-risk: the message and stack go to standard error. */
  internal: 3,
});
