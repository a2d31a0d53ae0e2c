/**
 * The kinds of change between two builds, a file of its own so the schema (schema.ts) and the comparison
 * (changes.ts) share it without importing each other, and the engine's projection compares builds without zod.
 */

/** Every kind of change between two builds, in the order a build's list shows them. */
export const changeKinds = [
  'method-added',
  'method-removed',
  'property-added',
  'property-removed',
  'value-added',
  'value-removed',
  'default-changed',
  'example-changed',
  'steps-changed',
  'menu-path-added',
  'menu-path-removed',
  'description-changed',
  'not-shown',
] as const;
