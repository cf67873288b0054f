import { resolveChannel, type Channel } from '../channels.js';
import { LIMITS } from '../limits.js';

/**
 * A structural check of the common interaction shapes, ~50x cheaper than
 * zod's parse. It only ever accepts what the zod schema accepts (a property
 * test holds it to that); anything it is unsure of (history, timestamps,
 * unusual objects) goes to zod, which also words the errors.
 * Returns the resolved channel, or undefined for "ask zod".
 */
export function fastCheckInteraction(input: unknown): Channel | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  let channel: Channel | undefined;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    switch (key) {
      case 'channel':
        if (typeof value !== 'string') return undefined;
        channel = resolveChannel(value);
        if (channel === undefined) return undefined;
        break;
      case 'waitSeconds':
        if (value === undefined) break;
        if (typeof value !== 'number' || !(value >= 0 && value <= LIMITS.maxWaitSeconds)) return undefined;
        break;
      case 'repeatContacts':
      case 'transfers':
      case 'priorComplaints':
        if (value === undefined) break;
        if (!isCount(value)) return undefined;
        break;
      case 'unresolved':
        if (value === undefined) break;
        if (typeof value !== 'boolean') return undefined;
        break;
      case 'text':
        if (value === undefined || typeof value === 'string') break;
        if (!isTurnList(value)) return undefined;
        break;
      case 'attributes':
        if (value === undefined) break;
        if (!isAttributes(value)) return undefined;
        break;
      default:
        return undefined;
    }
  }
  // Symbol keys and non-enumerable own keys are zod's to judge.
  if (Object.getOwnPropertySymbols(record).length > 0) return undefined;
  return channel;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LIMITS.maxCount;
}

function isTurnList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > LIMITS.maxTurns) return false;
  for (let i = 0; i < value.length; i++) {
    const turn: unknown = value[i];
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) return false;
    let keys = 0;
    for (const key in turn) {
      if (!Object.prototype.hasOwnProperty.call(turn, key)) continue;
      keys++;
      const v = (turn as Record<string, unknown>)[key];
      if (key === 'speaker') {
        if (v !== 'customer' && v !== 'agent') return false;
      } else if (key === 'text') {
        if (typeof v !== 'string') return false;
      } else if (key === 'at') {
        // Numeric offsets are common in live chats; date strings go to zod.
        if (v !== undefined && !(typeof v === 'number' && Math.abs(v) <= 8.64e15)) return false;
      } else return false;
    }
    const t = turn as Record<string, unknown>;
    if (keys < 2 || typeof t.speaker !== 'string' || typeof t.text !== 'string') return false;
  }
  return true;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isAttributes(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let n = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++n > LIMITS.maxAttributes || FORBIDDEN.has(key)) return false;
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
    } else if (typeof v === 'string') {
      if (v.length > LIMITS.maxAttributeLength) return false;
    } else if (typeof v !== 'boolean') return false;
  }
  return Object.getOwnPropertyNames(value).length === n && Object.getOwnPropertySymbols(value).length === 0;
}
