import { createScorer, ComplaintRiskInputError, type InputError, type Model, type Scorer } from '../index.js';
import { loadModel } from './load-model.js';

/** A model ready to score with, and where it came from. */
export interface LoadedModel {
  readonly scorer: Scorer;
  readonly model: Model;
  /** The --model path, or "built-in". */
  readonly source: string;
  /** ISO-8601 time of the load. */
  readonly loadedAt: string;
}

export type ReloadOutcome =
  | { ok: true; modelId: string; previousModelId: string; source: string; loadedAt: string }
  | { ok: false; modelId: string; source: string; error: InputError };

export const BUILT_IN = 'built-in';

/** Reads, validates and compiles a model; nothing is shared with any model loaded before. */
export async function loadScorer(path: string | undefined): Promise<LoadedModel> {
  return fromModel(await loadModel(path), path ?? BUILT_IN);
}

/** A model validated elsewhere (another process) made ready here: createScorer validates it again. */
export function fromModel(model: Model, source: string, loadedAt = new Date().toISOString()): LoadedModel {
  return { scorer: createScorer(model), model, source, loadedAt };
}

/**
 * The model a long-running command scores with. A reload reads, validates
 * and compiles the new model completely before one reference is swapped, so
 * each request or batch scores wholly with the old model or wholly with the
 * new one; a file that fails leaves the old model in place and says why.
 */
export class ModelHolder {
  #current: LoadedModel;

  constructor(
    initial: LoadedModel,
    /** The file reloads read; undefined when the built-in model is in use. */
    readonly path: string | undefined,
  ) {
    this.#current = initial;
  }

  get current(): LoadedModel {
    return this.#current;
  }

  replace(next: LoadedModel): void {
    this.#current = next;
  }

  /** Re-reads the --model file; keeps the current model when it cannot be read or is invalid. */
  async reload(): Promise<ReloadOutcome> {
    const previous = this.#current;
    if (this.path === undefined) {
      const message = 'no --model file was given, so there is nothing to reload: the built-in model stays in use';
      return { ok: false, modelId: previous.model.id, source: BUILT_IN, error: { message, issues: [{ path: '(root)', code: 'no_model_file', message }] } };
    }
    try {
      const next = await loadScorer(this.path);
      this.#current = next;
      return { ok: true, modelId: next.model.id, previousModelId: previous.model.id, source: next.source, loadedAt: next.loadedAt };
    } catch (cause) {
      return { ok: false, modelId: previous.model.id, source: this.path, error: reloadError(cause) };
    }
  }
}

/** Why a model file could not be loaded, as the same structured error inputs get. */
export function reloadError(cause: unknown): InputError {
  if (cause instanceof ComplaintRiskInputError) return { message: cause.message, issues: cause.issues };
  const message = cause instanceof Error ? cause.message : String(cause);
  // A file system code (ENOENT, EACCES, ...) stays in the message; the issue says the file could not be read.
  return { message, issues: [{ path: '(root)', code: 'unreadable', message }] };
}
