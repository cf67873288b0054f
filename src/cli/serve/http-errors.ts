import type { InputIssue, InputIssueCode } from '../../index.js';

/**
 * Codes an error response may carry: the library's input issue codes, and
 * the HTTP request's own (a body too large, the wrong content type, …).
 */
export type ServiceIssueCode =
  | InputIssueCode
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'empty_body'
  | 'invalid_content_length'
  | 'not_found'
  | 'bad_request';

/** What an error response carries: the same structured error an invalid item gets in a batch. */
export interface ErrorBody {
  error: { message: string; issues: (Omit<InputIssue, 'code'> & { code: ServiceIssueCode })[] };
}

export function errorBody(code: ServiceIssueCode, message: string, path = '(root)'): ErrorBody {
  return { error: { message, issues: [{ path, code, message }] } };
}

/** The parts of a Fastify or Ajv error the service reads. */
interface FrameworkError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: ReadonlyArray<AjvIssue>;
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export interface ErrorReply {
  status: number;
  body: ErrorBody;
  /** True when the request body was refused as a whole (counted as an invalid input). */
  badBody: boolean;
}

/**
 * Maps what Fastify reports (schema validation, body limit, content type)
 * onto the service's error shape, with the path of each problem in the
 * library's form (`text[0].speaker`), so clients handle one kind of error.
 */
export function errorReply(error: FrameworkError, limits: { bodyLimit: number }, contentType: string | undefined): ErrorReply {
  const bad = (status: number, body: ErrorBody): ErrorReply => ({ status, body, badBody: true });
  switch (error.code) {
    case 'FST_ERR_VALIDATION': {
      const issues = (error.validation ?? []).map(issueFromAjv);
      const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
      return bad(400, { error: { message: `invalid request body: ${shown.join('; ')}`, issues } });
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: errorBody('body_too_large', `request body is larger than the ${limits.bodyLimit}-byte limit (--body-limit)`), badBody: true };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return bad(415, errorBody('unsupported_media_type', `content-type must be application/json, got ${contentType === undefined ? 'none' : JSON.stringify(contentType.slice(0, 100))}`));
    case 'invalid_json':
    case 'empty_body':
      return bad(400, errorBody(error.code, error.message));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return bad(400, errorBody('invalid_content_length', 'the body is not as long as its content-length header says'));
    default: {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) return { status, body: errorBody('internal', 'internal error (logged on the server)'), badBody: false };
      return bad(status, errorBody('bad_request', error.message));
    }
  }
}

function issueFromAjv(issue: AjvIssue): InputIssue {
  const segments = issue.instancePath === '' ? [] : issue.instancePath.slice(1).split('/').map(unescapePointer);
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    const key = issue.params.additionalProperty;
    return { path: issuePath([...segments, key]), code: 'unknown_field', message: `unknown field ${JSON.stringify(key.slice(0, 80))}` };
  }
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    const key = issue.params.missingProperty;
    return { path: issuePath([...segments, key]), code: 'invalid_type', message: `${key} is required` };
  }
  const path = issuePath(segments);
  const subject = path === '(root)' ? 'the body' : path;
  if (issue.keyword === 'type') return { path, code: 'invalid_type', message: `${subject} must be ${[issue.params.type].flat().map(article).join(' or ')}` };
  if (issue.keyword === 'maxItems') return { path, code: 'too_big', message: `${subject} must hold at most ${String(issue.params.limit)} items` };
  return { path, code: 'invalid_value', message: `${subject} ${issue.message ?? 'is invalid'}` };
}

function article(type: unknown): string {
  return type === 'object' || type === 'array' ? `an ${type}` : `a ${String(type)}`;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `text[0].speaker` from ["text", "0", "speaker"], as the library names paths. */
function issuePath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s.slice(0, 80))}]`;
  }
  return out === '' ? '(root)' : out;
}
