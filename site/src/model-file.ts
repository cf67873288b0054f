import { ComplaintRiskInputError, parseModel, type InputIssue, type Model } from 'complaint-risk';

/** A model file far larger than any fit writes is refused before it is read, so the tab cannot stall on it. */
export const MAX_MODEL_FILE_BYTES = 20 * 1024 * 1024;

export type ModelFileOutcome = { ok: true; model: Model } | { ok: false; issues: InputIssue[] };

/** Validates a model file's text with the library's own `parseModel`; its path-named issues are what the page shows. */
export function readModelText(text: string): ModelFileOutcome {
  try {
    return { ok: true, model: parseModel(text) };
  } catch (error) {
    if (error instanceof ComplaintRiskInputError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [{ path: '(root)', code: 'unreadable', message: error instanceof Error ? error.message : String(error) }] };
  }
}

export async function readModelFile(file: File, tooLarge: (mb: string, max: string) => string): Promise<ModelFileOutcome> {
  if (file.size > MAX_MODEL_FILE_BYTES)
    return { ok: false, issues: [{ path: '(root)', code: 'too_big', message: tooLarge((file.size / 1048576).toFixed(1), String(MAX_MODEL_FILE_BYTES / 1048576)) }] };
  return readModelText(await file.text());
}
