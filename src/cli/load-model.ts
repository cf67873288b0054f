import { createReadStream } from 'node:fs';
import { type Model, defaultModel, parseModel } from '../index.js';
import { readBounded } from './read-bounded.js';

/** Far above any real model (the default is a few KB); stops `--model /dev/zero` or a wrong path from filling memory. */
export const MAX_MODEL_FILE_BYTES = 32 * 1024 * 1024;

/** The model file named by --model, validated; the built-in model when none is named. */
export async function loadModel(path: string | undefined): Promise<Model> {
  if (path === undefined) return defaultModel;
  return parseModel(await readBounded(createReadStream(path), MAX_MODEL_FILE_BYTES, `model file ${path}`));
}
