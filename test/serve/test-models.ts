import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultModel } from '../../src/index.js';

/** The default model's weights under another id and, optionally, other band thresholds. */
export function modelJson(id: string, bands = defaultModel.bands): string {
  return JSON.stringify({ ...defaultModel, id, bands });
}

/** A temporary folder to write model files in. */
export function modelFolder(): { dir: string; write(name: string, content: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-serve-'));
  return {
    dir,
    write(name, content) {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}
