import * as z from 'zod';
import { interactionSchema, MAX_CHANNEL_NAME } from './interaction-schema.js';
import { CHANNEL_ALIASES } from '../core/channels.js';
import { LIMITS } from '../core/limits.js';
import { ISO_TIMESTAMP_PATTERN } from './timestamps.js';

/**
 * The interaction format as a JSON Schema (draft 2020-12), for embedders
 * validating in other languages. zod's own conversion leaves out what it
 * cannot see inside refinements; those rules are put back here so that the
 * schema accepts exactly what `safeScore` accepts: channel names and their
 * aliases (any case, blanks around them), ISO-8601 timestamps with a zone
 * and a real calendar date, `now` whenever `history` is given, at most 256
 * attributes and none named __proto__, constructor or prototype.
 */
export function interactionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(interactionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const defs = schema.$defs as Record<string, Record<string, unknown>>;
  const root = defs.Interaction as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  const props = root.properties;
  props.channel = { ...props.channel, ...channelName() };
  const history = props.history as { items: { properties: Record<string, Record<string, unknown>> } };
  history.items.properties.channel = { ...history.items.properties.channel, ...channelName() };
  history.items.properties.at = timestamp();
  props.now = timestamp();
  const turns = (props.text as { anyOf: Record<string, unknown>[] }).anyOf[1] as { items: { properties: Record<string, unknown> } };
  turns.items.properties.at = timestamp();
  const attributes = props.attributes as Record<string, unknown> & { propertyNames: Record<string, unknown> };
  attributes.maxProperties = LIMITS.maxAttributes;
  attributes.propertyNames = { ...attributes.propertyNames, not: { enum: ['__proto__', 'constructor', 'prototype'] } };
  root.dependentRequired = { history: ['now'] };
  return schema;
}

/** Epoch milliseconds within the range of JavaScript dates, or an ISO-8601 string with a zone. */
function timestamp(): Record<string, unknown> {
  return {
    anyOf: [
      { type: 'number', minimum: -8.64e15, maximum: 8.64e15 },
      { type: 'string', maxLength: 40, pattern: ISO_TIMESTAMP_PATTERN },
    ],
  };
}

/** A channel or one of its aliases, compared as resolveChannel does: blanks around it trimmed, letters in any case. */
function channelName(): Record<string, unknown> {
  const anyCase = (alias: string): string =>
    [...alias].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return { type: 'string', maxLength: MAX_CHANNEL_NAME, pattern: `^\\s*(?:${CHANNEL_ALIASES.map(anyCase).join('|')})\\s*$` };
}
