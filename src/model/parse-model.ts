import { modelSchema, MODEL_FORMAT_VERSION, type Model } from './model-schema.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import type { InputIssue } from '../core/types.js';
import { snapshotModelJson } from './model-json-snapshot.js';
import { deepFreeze } from './deep-freeze.js';
import { ownData } from '../core/own-properties.js';

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
  let parsed;
  try {
    const snapshot = snapshotModelJson(value);
    if (!snapshot.ok) throw fail([snapshot.issue]);
    const future = futureVersion(snapshot.value);
    if (future !== undefined) throw fail([future]);
    parsed = modelSchema.safeParse(snapshot.value);
  } catch (cause) {
    if (cause instanceof ComplaintRiskInputError) throw cause;
    // Throwing getters or proxies in a model object: a bad model, not a crash.
    throw fail([{ path: '(root)', code: 'unreadable', message: `model could not be read: ${cause instanceof Error ? cause.message : typeof cause}` }]);
  }
  if (!parsed.success) throw fail(issuesFromZod(parsed.error));
  // zod's output is a fresh object graph (freezing it never freezes the caller's value); copied once more onto
  // objects that inherit nothing, so an optional field left out never reads what Object.prototype holds.
  return deepFreeze(ownData(parsed.data, 64) as Model);
}

/** A newer format may mean anything; refuse it by name rather than misread it. */
function futureVersion(value: unknown): InputIssue | undefined {
  if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, 'formatVersion')) return undefined;
  const version = (value as { formatVersion: unknown }).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version <= MODEL_FORMAT_VERSION) return undefined;
  return {
    path: 'formatVersion',
    code: 'future_version',
    message: `formatVersion ${version} is newer than this complaint-risk understands (${MODEL_FORMAT_VERSION}); upgrade complaint-risk to load it`,
  };
}

function fail(issues: InputIssue[]): ComplaintRiskInputError {
  return new ComplaintRiskInputError(inputErrorFrom(issues, 'model'));
}

