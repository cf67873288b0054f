import { resolveChannel } from '../core/channels.js';
import { LIMITS } from '../core/limits.js';
import { isForbiddenKey } from '../core/forbidden-keys.js';
import { MAX_CHANNEL_NAME, type NormalizedInteraction, type Turn } from '../schema/interaction-schema.js';

const FIELDS = new Set(['channel', 'waitSeconds', 'repeatContacts', 'text', 'transfers', 'unresolved', 'priorComplaints', 'attributes']);
const TURN_FIELDS = new Set(['speaker', 'text', 'at']);

/**
 * A structural check of the common interaction shapes, ~50x cheaper than
 * zod's parse. It only ever accepts what the zod schema accepts (a property
 * test holds it to that); anything it is unsure of (history, timestamps,
 * unusual objects) goes to zod, which also words the errors.
 *
 * Every field is read exactly once, as zod reads it (`input[key]`), and the
 * values read are what is returned, in a fresh object: a getter or Proxy
 * that answers differently on a second read cannot slip an unchecked value
 * past validation, and the scorer never holds on to the caller's objects.
 * Returns undefined for "ask zod".
 */
export function fastCheckInteraction(input: unknown): NormalizedInteraction | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  // Like zod's strict object: any enumerable key outside the shape (own or inherited) is zod's to report.
  for (const key in record) if (!FIELDS.has(key)) return undefined;

  const channelName = record.channel;
  if (typeof channelName !== 'string' || channelName.length > MAX_CHANNEL_NAME) return undefined;
  const channel = resolveChannel(channelName);
  if (channel === undefined) return undefined;
  const out: NormalizedInteraction = { channel };

  const wait = record.waitSeconds;
  if (wait !== undefined) {
    if (typeof wait !== 'number' || !(wait >= 0 && wait <= LIMITS.maxWaitSeconds)) return undefined;
    out.waitSeconds = wait + 0; // -0 is read as 0
  }
  const repeat = record.repeatContacts;
  if (repeat !== undefined) {
    if (!isCount(repeat)) return undefined;
    out.repeatContacts = repeat + 0;
  }
  const transfers = record.transfers;
  if (transfers !== undefined) {
    if (!isCount(transfers)) return undefined;
    out.transfers = transfers + 0;
  }
  const prior = record.priorComplaints;
  if (prior !== undefined) {
    if (!isCount(prior)) return undefined;
    out.priorComplaints = prior + 0;
  }
  const unresolved = record.unresolved;
  if (unresolved !== undefined) {
    if (typeof unresolved !== 'boolean') return undefined;
    out.unresolved = unresolved;
  }
  const text = record.text;
  if (text !== undefined) {
    if (typeof text === 'string') out.text = text;
    else {
      const turns = copyTurns(text);
      if (turns === undefined) return undefined;
      out.text = turns;
    }
  }
  const attributes = record.attributes;
  if (attributes !== undefined) {
    const copy = copyAttributes(attributes);
    if (copy === undefined) return undefined;
    out.attributes = copy;
  }
  return out;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LIMITS.maxCount;
}

function copyTurns(value: unknown): Turn[] | undefined {
  if (!Array.isArray(value) || value.length > LIMITS.maxTurns) return undefined;
  const turns: Turn[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const turn: unknown = value[i];
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) return undefined;
    const t = turn as Record<string, unknown>;
    for (const key in t) if (!TURN_FIELDS.has(key)) return undefined;
    const speaker = t.speaker;
    const words = t.text;
    const at = t.at;
    if ((speaker !== 'customer' && speaker !== 'agent') || typeof words !== 'string') return undefined;
    if (at === undefined) turns[i] = { speaker, text: words };
    // Numeric offsets are common in live chats; date strings go to zod.
    else if (typeof at === 'number' && Math.abs(at) <= 8.64e15) turns[i] = { speaker, text: words, at };
    else return undefined;
  }
  return turns;
}

function copyAttributes(value: unknown): Record<string, number | boolean | string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const copy: Record<string, number | boolean | string> = {};
  let n = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++n > LIMITS.maxAttributes || key.length > LIMITS.maxAttributeNameLength || isForbiddenKey(key)) return undefined;
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'number') {
      if (!(Math.abs(v) <= LIMITS.maxAttributeMagnitude)) return undefined;
    } else if (typeof v === 'string') {
      if (v.length > LIMITS.maxAttributeLength) return undefined;
    } else if (typeof v !== 'boolean') return undefined;
    copy[key] = typeof v === 'number' ? v + 0 : v;
  }
  // Non-enumerable and symbol keys: zod's to judge.
  if (Object.getOwnPropertyNames(value).length !== n || Object.getOwnPropertySymbols(value).length !== 0) return undefined;
  return copy;
}
