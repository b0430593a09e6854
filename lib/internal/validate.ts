// Argument checks shared by every public constructor. Each error names the function, the
// argument and the value it got, so a bad schedule fails where it is written, not mid-training.

/** Renders a received value for an error message: strings quoted, arrays and objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'function') return `a function ${value.name || '(anonymous)'}`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // cyclic or exotic objects fall through to their tag
  }
  return Object.prototype.toString.call(value);
}

export function finite(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be a finite number, got ${show(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: ${arg} must be a finite number, got ${show(value)}`);
  return value;
}

export function count(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be a non-negative integer, got ${show(value)}`);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${fn}: ${arg} must be a non-negative integer, got ${show(value)}`);
  }
  return value;
}

export function positiveCount(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be a positive integer, got ${show(value)}`);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${fn}: ${arg} must be a positive integer, got ${show(value)}`);
  }
  return value;
}

export function positive(fn: string, arg: string, value: unknown): number {
  finite(fn, arg, value);
  if ((value as number) <= 0) throw new RangeError(`${fn}: ${arg} must be a finite number > 0, got ${show(value)}`);
  return value as number;
}

/** An optional boolean option: `fallback` when absent. */
export function flag(fn: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${fn}: ${arg} must be a boolean, got ${show(value)}`);
  return value;
}

/** A fraction in [0, 1): the half-open range every "fraction of the steps" option uses. */
export function fraction(fn: string, arg: string, value: unknown): number {
  finite(fn, arg, value);
  if ((value as number) < 0 || (value as number) >= 1) {
    throw new RangeError(`${fn}: ${arg} must be a fraction in [0, 1), got ${show(value)}`);
  }
  return value as number;
}

/** A pair `[a, b]` of finite numbers, as Poutyne's `(start, end)` tuples. */
export function pair(fn: string, arg: string, value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${fn}: ${arg} must be a pair [start, end] of finite numbers, got ${show(value)}`);
  }
  finite(fn, `${arg}[0]`, value[0]);
  finite(fn, `${arg}[1]`, value[1]);
  return value as unknown as readonly [number, number];
}

export function plainObject(fn: string, arg: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${fn}: ${arg} must be an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Rejects option names a function does not know, listing the ones it accepts. */
export function knownKeys(fn: string, arg: string, value: Record<string, unknown>, accepted: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!accepted.includes(key)) {
      throw new TypeError(`${fn}: unknown ${arg} ${show(key)}; accepted: ${accepted.join(', ')}`);
    }
  }
}

/** Formats a number as Poutyne prints them: integers without a dot, others in shortest form. */
export function num(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
