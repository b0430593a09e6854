// What makes a function a preset: its declared options and a one-line summary, attached to it,
// so the registry, the CLI's `presets` listing, the docs and the dashboard's forms read them from
// the one declaration.
import { deferFiniteChecks } from '../internal/finite.js';
import { declarationFields, type FieldInfo } from '../internal/fieldInfo.js';
import { type Declaration, integer, type Shape } from '../internal/options.js';

/** A preset function with its declaration and summary. */
export interface PresetInfo {
  readonly declaration: Declaration<Shape>;
  readonly summary: string;
}

/**
 * Attaches the declaration and summary to a preset's builder. The spaces it builds leave their
 * finite check to the preset's join, whose errors name the preset and the global step.
 */
export function preset<F extends (options: never) => unknown>(declaration: Declaration<Shape>, summary: string, build: F): F & PresetInfo {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    return deferFiniteChecks(() => (build as unknown as (...a: unknown[]) => unknown).apply(this, args));
  } as unknown as F;
  Object.defineProperty(wrapped, 'name', { value: build.name });
  return Object.assign(wrapped, { declaration, summary });
}

/** The options of a preset, as data: name, type, default, range, required, doc, mode. */
export function fieldsOf(entry: PresetInfo): readonly FieldInfo[] {
  return declarationFields(entry.declaration);
}

/** The `steps` option every open-ended preset takes. */
export const steps = () => integer({ doc: 'Steps to produce: the schedule is cut there, or its last value held up to it.', required: true });
