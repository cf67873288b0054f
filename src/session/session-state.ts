import * as z from 'zod';
import { interactionSchema } from '../schema/interaction-schema.js';
import { lazySchema } from '../core/lazy-schema.js';

export const SESSION_STATE_VERSION = 1;

/** A session as plain JSON: the interaction so far (turns included) and the model that scored it. */
export const sessionStateSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    formatVersion: z.literal(SESSION_STATE_VERSION, { error: `session state formatVersion must be ${SESSION_STATE_VERSION}` }),
    modelId: z.string().min(1).max(200),
    interaction: interactionSchema,
  }),
);

export type SessionState = z.input<typeof sessionStateSchema>;
