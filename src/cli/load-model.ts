import { open } from 'node:fs/promises';
import type { Model } from '../schema/model-schema.js';
import { defaultModel } from '../model/default-model.js';
import { parseModel } from '../model/parse-model.js';
import { UsageError } from './command.js';

/** Far above any real model (the default is a few KB); stops a wrong --model path from filling memory. */
export const MAX_MODEL_FILE_BYTES = 32 * 1024 * 1024;

/** The model file named by --model, validated; the built-in model when none is named. */
export async function loadModel(path: string | undefined): Promise<Model> {
  if (path === undefined) return defaultModel;
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > MAX_MODEL_FILE_BYTES) throw new UsageError(`model file ${path} is ${size} bytes; the limit is ${MAX_MODEL_FILE_BYTES}`);
    return parseModel(await file.readFile('utf8'));
  } finally {
    await file.close();
  }
}
