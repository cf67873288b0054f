import type { InputError, InputIssue } from '../core/types.js';
import { inputErrorFrom } from '../core/input-error.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { CompiledModel } from './compile-model.js';

/**
 * What a valid interaction may still hold that this model cannot score as
 * given: an attribute of the wrong type for its feature, or a category
 * level the model never saw. Undefined when there is nothing to refuse.
 */
export function modelInputError(compiled: CompiledModel, interaction: NormalizedInteraction): InputError | undefined {
  if (interaction.attributes === undefined) return undefined;
  let issues: InputIssue[] | undefined;
  const { checks } = compiled;
  for (let i = 0; i < checks.length; i++) {
    const issue = (checks[i] as (typeof checks)[number]).check?.(interaction);
    if (issue !== undefined) (issues ??= []).push(issue);
  }
  return issues === undefined ? undefined : inputErrorFrom(issues);
}
