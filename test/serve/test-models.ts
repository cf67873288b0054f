import { tempFiles } from '../support/temp-files.js';
import { defaultModel } from '../../src/index.js';

/** The default model's weights under another id and, optionally, other band thresholds. */
export function modelJson(id: string, bands = defaultModel.bands): string {
  return JSON.stringify({ ...defaultModel, id, bands });
}

/** A temporary folder to write model files in. */
export function modelFolder(): { dir: string; write(name: string, content: string): string } {
  return tempFiles('complaint-risk-serve-');
}
