import { modelSchema, MODEL_FORMAT_VERSION, type Model } from '../schema/model-schema.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../validate/input-error.js';
import type { InputIssue } from '../types.js';
import { findForbiddenKey } from './forbidden-keys.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * Validates a model from JSON (a parsed object or the JSON text) and returns
 * a frozen copy. Throws ComplaintRiskInputError naming the path of each
 * problem: malformed shapes, non-finite weights, unknown features, keys such
 * as `__proto__`, or a formatVersion newer than this build understands.
 */
export function parseModel(json: unknown): Model {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw fail([{ path: '(root)', code: 'invalid_json', message: `model is not valid JSON: ${(cause as Error).message}` }]);
    }
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== undefined) throw fail([forbidden]);
  if (typeof value === 'object' && value !== null && 'formatVersion' in value) {
    const version = (value as { formatVersion: unknown }).formatVersion;
    if (typeof version === 'number' && version > MODEL_FORMAT_VERSION)
      throw fail([
        {
          path: 'formatVersion',
          code: 'future_version',
          message: `formatVersion ${version} is newer than this complaint-risk understands (${MODEL_FORMAT_VERSION}); upgrade complaint-risk to load it`,
        },
      ]);
  }
  const parsed = modelSchema.safeParse(value);
  if (!parsed.success) throw fail(issuesFromZod(parsed.error));
  return deepFreeze(parsed.data);
}

function fail(issues: InputIssue[]): ComplaintRiskInputError {
  return new ComplaintRiskInputError(inputErrorFrom(issues, 'model'));
}

