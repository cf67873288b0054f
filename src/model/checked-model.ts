import type { Model } from './model-schema.js';
import { defaultModel } from './default-model.js';
import { parseModel } from './parse-model.js';

/**
 * The model a scorer, a session or a fit runs on: the built-in one as is
 * (deep-frozen and ours, so validating it again would only cost start-up),
 * anything else validated by `parseModel`.
 */
export function checkedModel(model: Model | undefined): Model {
  return model === undefined || model === defaultModel ? defaultModel : parseModel(model);
}
