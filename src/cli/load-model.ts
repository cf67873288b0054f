import { readFile } from 'node:fs/promises';
import type { Model } from '../schema/model-schema.js';
import { defaultModel } from '../model/default-model.js';
import { parseModel } from '../model/parse-model.js';

/** The model file named by --model, validated; the built-in model when none is named. */
export async function loadModel(path: string | undefined): Promise<Model> {
  if (path === undefined) return defaultModel;
  return parseModel(await readFile(path, 'utf8'));
}
