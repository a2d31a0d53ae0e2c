/**
 * Argument checks for the engine's public functions: called from JavaScript with a wrong argument, they
 * throw a TypeError that names the function and the argument, instead of failing somewhere inside.
 * Browser compatible, no side effects.
 */

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 19) + '…' : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function fail(call: string, name: string, expected: string, value: unknown): never {
  throw new TypeError(`${call}: ${name} must be ${expected}, got ${describe(value)}`);
}

export function expectString(call: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') fail(call, name, 'a string', value);
}

/** A string or a parse result (an object with `text` and `entries`). */
export function expectInput(call: string, name: string, value: unknown): void {
  if (typeof value === 'string') return;
  if (value === null || typeof value !== 'object' || typeof (value as { text?: unknown }).text !== 'string' || !Array.isArray((value as { entries?: unknown }).entries)) {
    fail(call, name, 'a string or a parse result', value);
  }
}

/** Service rules: an object with `properties` and `authMethods` arrays. */
export function expectService(call: string, name: string, value: unknown): void {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { properties?: unknown }).properties) || !Array.isArray((value as { authMethods?: unknown }).authMethods)) {
    fail(call, name, 'service rules (an object with properties and authMethods arrays)', value);
  }
}

export function expectIterable(call: string, name: string, value: unknown, expected = 'an iterable of pairs'): void {
  if (typeof value === 'string' || value === null || typeof value !== 'object' || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    fail(call, name, expected, value);
  }
}

export function expectArray(call: string, name: string, value: unknown): void {
  if (!Array.isArray(value)) fail(call, name, 'an array', value);
}

export function expectOptionalObject(call: string, name: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== 'object')) fail(call, name, 'an object or undefined', value);
}
