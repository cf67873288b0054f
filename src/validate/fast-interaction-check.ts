import { resolveChannel } from '../core/channels.js';
import { bareObject } from '../core/own-properties.js';
import { LIMITS } from '../core/limits.js';
import { isForbiddenKey } from '../core/forbidden-keys.js';
import { INTERACTION_FIELDS, MAX_CHANNEL_NAME, type InteractionField, type NormalizedInteraction, type Turn } from '../schema/interaction-schema.js';

/**
 * Copies one field's value into `out` when it is certainly valid; false
 * means "ask zod" (it may still be valid, and zod words the error).
 */
type FieldCopier = (value: unknown, out: NormalizedInteraction) => boolean;

/** Fields the fast path leaves to zod: dated history needs its timestamps parsed and `now` checked with it. */
const askZod: FieldCopier = () => false;

/**
 * How the fast path copies each field. Keyed by every interaction field, so
 * a new field cannot silently fall off the fast path (or onto it unchecked):
 * it does not compile until it has an entry here.
 */
const FIELD_COPIERS: Record<InteractionField, FieldCopier> = {
  channel(value, out) {
    if (typeof value !== 'string' || value.length > MAX_CHANNEL_NAME) return false;
    const channel = resolveChannel(value);
    if (channel === undefined) return false;
    out.channel = channel;
    return true;
  },
  waitSeconds(value, out) {
    if (typeof value !== 'number' || !(value >= 0 && value <= LIMITS.maxWaitSeconds)) return false;
    out.waitSeconds = value + 0; // -0 is read as 0
    return true;
  },
  repeatContacts: (value, out) => isCount(value) && ((out.repeatContacts = value + 0), true),
  transfers: (value, out) => isCount(value) && ((out.transfers = value + 0), true),
  priorComplaints: (value, out) => isCount(value) && ((out.priorComplaints = value + 0), true),
  unresolved: (value, out) => typeof value === 'boolean' && ((out.unresolved = value), true),
  text(value, out) {
    const text = typeof value === 'string' ? value : copyTurns(value);
    if (text === undefined) return false;
    out.text = text;
    return true;
  },
  // Copied by fastCheckInteraction itself, which also tells an attribute map past the limit.
  attributes: askZod,
  history: askZod,
  now: askZod,
};

const FIELDS: ReadonlySet<string> = new Set(INTERACTION_FIELDS);
const TURN_FIELDS: ReadonlySet<string> = new Set(['speaker', 'text', 'at']);

/**
 * A structural check of the common interaction shapes, ~50x cheaper than
 * zod's parse. It only ever accepts what the zod schema accepts (a property
 * test holds it to that); anything it is unsure of (history, timestamps,
 * unusual objects) goes to zod, which also words the errors.
 *
 * Every own field is read exactly once (inherited ones are not fields), and the
 * values read are what is returned, in a fresh object: a getter or Proxy
 * that answers differently on a second read cannot slip an unchecked value
 * past validation, and the scorer never holds on to the caller's objects.
 * Returns undefined for "ask zod".
 */
/** The fast path met more attributes than the limit: refused at once, without a second pass over them. */
export const TOO_MANY_ATTRIBUTES = Symbol('too many attributes');

export function fastCheckInteraction(input: unknown): NormalizedInteraction | undefined | typeof TOO_MANY_ATTRIBUTES {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  // Own keys only: a field inherited from Object.prototype is no field of this interaction.
  const keys = Object.keys(record);
  const out = bareObject<NormalizedInteraction>();
  let channel = false;
  for (let i = 0; i < keys.length; i++) {
    const field = keys[i] as string;
    // The common fields first, each value read by name (a load that sees one name, not every field's) and
    // copied here rather than through FIELD_COPIERS: this runs for every score() call. Each field is still read once.
    if (field === 'waitSeconds') {
      const value = record.waitSeconds;
      if (value !== undefined && !FIELD_COPIERS.waitSeconds(value, out)) return undefined;
    } else if (field === 'repeatContacts') {
      const value = record.repeatContacts;
      if (value === undefined) continue;
      if (!isCount(value)) return undefined;
      out.repeatContacts = value + 0;
    } else if (field === 'transfers') {
      const value = record.transfers;
      if (value === undefined) continue;
      if (!isCount(value)) return undefined;
      out.transfers = value + 0;
    } else if (field === 'priorComplaints') {
      const value = record.priorComplaints;
      if (value === undefined) continue;
      if (!isCount(value)) return undefined;
      out.priorComplaints = value + 0;
    } else if (field === 'text') {
      const value = record.text;
      if (value !== undefined && !FIELD_COPIERS.text(value, out)) return undefined;
    } else if (field === 'unresolved') {
      const value = record.unresolved;
      if (value === undefined) continue;
      if (typeof value !== 'boolean') return undefined;
      out.unresolved = value;
    } else if (field === 'channel') {
      if (!FIELD_COPIERS.channel(record.channel, out)) return undefined;
      channel = true;
    } else if (field === 'attributes') {
      const value = record.attributes;
      if (value === undefined) continue;
      const copy = copyAttributes(value);
      // Refused at once only when every key is a field; otherwise zod judges the whole object, as for any other key it does not know.
      if (copy === TOO_MANY_ATTRIBUTES) return keys.every((key) => FIELDS.has(key)) ? copy : undefined;
      if (copy === undefined) return undefined;
      out.attributes = copy;
    } else if (!FIELDS.has(field)) return undefined;
    else {
      const value = record[field];
      if (value !== undefined && !FIELD_COPIERS[field as InteractionField](value, out)) return undefined;
    }
  }
  return channel ? out : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LIMITS.maxCount;
}

function copyTurns(value: unknown): Turn[] | undefined {
  if (!Array.isArray(value) || value.length > LIMITS.maxTurns) return undefined;
  const turns: Turn[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const copy = fastCheckTurn(value[i]);
    if (copy === undefined) return undefined;
    turns[i] = copy;
  }
  return turns;
}

/**
 * One turn checked and copied (its enumerable own keys, on an object that
 * inherits nothing) when it is plainly valid; undefined sends it to
 * turnSchema, which names the problem or reads what this does not (a date
 * string for `at`).
 */
export function fastCheckTurn(turn: unknown): Turn | undefined {
  if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) return undefined;
  const t = turn as Record<string, unknown>;
  let speaker: unknown;
  let words: unknown;
  let at: unknown;
  const keys = Object.keys(t);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key === 'speaker') speaker = t.speaker;
    else if (key === 'text') words = t.text;
    else if (key === 'at') at = t.at;
    else return undefined;
  }
  if ((speaker !== 'customer' && speaker !== 'agent') || typeof words !== 'string') return undefined;
  const copy = bareObject<Turn>();
  copy.speaker = speaker;
  copy.text = words;
  // Numeric offsets are common in live chats; date strings go to zod.
  if (typeof at === 'number' && Math.abs(at) <= 8.64e15) copy.at = at;
  else if (at !== undefined) return undefined;
  return copy;
}

function copyAttributes(value: unknown): Record<string, number | boolean | string> | undefined | typeof TOO_MANY_ATTRIBUTES {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const copy = bareObject<Record<string, number | boolean | string>>();
  let n = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++n > LIMITS.maxAttributes) return TOO_MANY_ATTRIBUTES;
    if (key.length > LIMITS.maxAttributeNameLength || isForbiddenKey(key)) return undefined;
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
