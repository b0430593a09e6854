/**
 * The names an argument may hold when it is given the names `N`: `N` if each is one of `K` (the
 * names that exist: a sink's fields, a values stream's parameters, the presets), else `K`, so
 * that a misspelt name is a compile error naming `K`. Names typed only as `string` (read at run
 * time, e.g. a policy's from `policyFromJSON`) pass, and are checked when the call runs.
 * @typeParam N the names given, inferred from the call.
 * @typeParam K the names there are.
 * @example
 * import type { ParamNames } from 'rx-policy';
 * const known: ParamNames<'lr', 'lr' | 'momentum'> = 'lr';
 * const misspelt: ParamNames<'lrr', 'lr' | 'momentum'> = 'momentum'; // 'lrr' would not compile
 * const fromJson: ParamNames<string, 'lr'> = 'anything';
 * [known, misspelt, fromJson]; // → ['lr', 'momentum', 'anything']
 */
export type ParamNames<N extends string, K extends string> = string extends N ? N : N extends K ? N : K;
