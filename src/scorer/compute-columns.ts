import type { CompiledModel } from './compile-model.js';
import type { ScoringContext } from '../features/feature-kind.js';

/**
 * Fills `out` with the model's column values for one interaction (NaN where
 * a signal is absent) and `values` with each feature's raw value. Shared by
 * scoring and fitting, so a fitted model scores exactly as it was trained.
 */
export function computeColumns(compiled: CompiledModel, ctx: ScoringContext, out: Float64Array, values: unknown[]): void {
  const { specs, kinds, offsets } = compiled;
  for (let i = 0; i < specs.length; i++) {
    values[i] = (kinds[i] as (typeof kinds)[number]).evaluate(specs[i] as (typeof specs)[number], ctx, out, offsets[i] as number);
  }
}
