import { UsageError } from './command.js';
import type { FitDataBuilder } from '../calibrate.js';
import type { FeatureSpec } from '../index.js';

/**
 * `--attribute tier` or `--attribute tier:category`. The type, when not
 * given, is guessed from the values the rows hold (`data`; before the rows are
 * read, a placeholder that the guess replaces).
 */
export function attributeFeature(option: string, data: FitDataBuilder | undefined): FeatureSpec {
  const [name = '', given] = option.split(':', 2);
  if (name === '') throw new UsageError('--attribute needs a name');
  let type = given;
  if (type === undefined && data !== undefined) {
    const seen = data.attributeTypes(name);
    if (seen.size === 0) throw new UsageError(`--attribute ${name}: no row has a value for "${name}"`);
    type = seen.has('string') ? 'category' : seen.has('number') ? 'number' : 'boolean';
  }
  type ??= 'number';
  if (type !== 'number' && type !== 'boolean' && type !== 'category') throw new UsageError(`--attribute ${name}: type must be number, boolean or category, got "${type}"`);
  const id = /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) ? name : `attr_${name.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 64);
  return { id, kind: 'attribute', name, type };
}
