// What makes a function a preset: its declared options and a one-line summary, attached to it,
// so the registry, the CLI's `presets` listing, the docs and the dashboard's forms read them from
// the one declaration.
import { type Declaration, type FieldInfo, integer, type Shape } from '../internal/options.js';

/** A preset function with its declaration and summary. */
export interface PresetInfo {
  readonly declaration: Declaration<Shape>;
  readonly summary: string;
}

/** Attaches the declaration and summary to a preset's builder. */
export function preset<F extends (options: never) => unknown>(declaration: Declaration<Shape>, summary: string, build: F): F & PresetInfo {
  return Object.assign(build, { declaration, summary });
}

/** The options of a preset, as data: name, type, default, range, required, doc, mode. */
export function fieldsOf(entry: PresetInfo): readonly FieldInfo[] {
  return entry.declaration.fields;
}

/** The `steps` option every open-ended preset takes. */
export const steps = () => integer({ doc: 'Steps to produce: the schedule is cut there, or its last value held up to it.', required: true });
