import type * as z from 'zod';
import type { InputError, InputIssue } from './types.js';

/** Longest piece of the caller's input an error message quotes: a 5 MB key must not become a 5 MB error. */
export const MAX_QUOTED_CHARS = 80;

/** `s`, or its start and its length when it is too long to quote whole. */
export function clip(s: string): string {
  return s.length <= MAX_QUOTED_CHARS ? s : `${s.slice(0, MAX_QUOTED_CHARS)}…(${s.length} chars)`;
}

/** `text[2].speaker`, `attributes["tier"]`, or `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && key.length <= MAX_QUOTED_CHARS && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(clip(String(key)))}]`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = mostSpecificBranch(issue.errors);
      if (branch !== undefined) {
        issues.push(...issuesFromZod({ issues: branch } as z.ZodError, [...prefix, ...issue.path]));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          path: formatPath([...prefix, ...issue.path, key]),
          code: 'unknown_field',
          message: `unknown field ${JSON.stringify(clip(key))}`,
        });
      }
      continue;
    }
    issues.push({ path: formatPath([...prefix, ...issue.path]), code: issue.code, message: issue.message });
  }
  return issues;
}

/**
 * When a union fails, the branch that got furthest says what the caller
 * meant: a turn list with a bad speaker should be reported at
 * text[0].speaker, not as "not a string or an array". Furthest is the
 * deepest issue path; at equal depth, the one branch whose type matched but
 * broke a constraint (a number out of range beats "expected a string").
 */
function mostSpecificBranch(branches: ReadonlyArray<ReadonlyArray<z.core.$ZodIssue>>): z.core.$ZodIssue[] | undefined {
  let best: z.core.$ZodIssue[] | undefined;
  let depth = 0;
  for (const branch of branches) {
    const d = branch.reduce((max, i) => Math.max(max, i.path.length), 0);
    if (d > depth) {
      depth = d;
      best = [...branch];
    }
  }
  if (best !== undefined) return best;
  const typed = branches.filter((branch) => branch.length > 0 && branch.some((i) => i.code !== 'invalid_type'));
  return typed.length === 1 ? [...(typed[0] as ReadonlyArray<z.core.$ZodIssue>)] : undefined;
}

/** Issues kept per error: enough to fix a row, bounded however broken the row is. */
export const MAX_ISSUES = 100;

export function inputErrorFrom(issues: InputIssue[], what = 'interaction'): InputError {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  const kept: InputIssue[] =
    issues.length <= MAX_ISSUES
      ? issues
      : [
          ...issues.slice(0, MAX_ISSUES - 1),
          { path: '(root)', code: 'too_many_issues', message: `${issues.length - MAX_ISSUES + 1} more issues not listed` },
        ];
  return { message: `invalid ${what}: ${shown.join('; ')}${more}`, issues: kept };
}

/** Thrown by `score()`, `parseModel()` and friends; carries the structured issues. */
export class ComplaintRiskInputError extends Error {
  readonly issues: InputIssue[];
  constructor(error: InputError) {
    super(error.message);
    this.name = 'ComplaintRiskInputError';
    this.issues = error.issues;
  }
  toJSON(): InputError {
    return { message: this.message, issues: this.issues };
  }
}
