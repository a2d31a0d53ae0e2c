/**
 * A builder form filled the way a user completes it: every required field that the method does not fix gets a
 * plausible value (a URL for URL fields). The model tests on acme and on the real services both build from it.
 */
import { buildString, fieldsFor } from '../../src/lib/builder/form.ts';
import { initialState, reduce } from '../../src/lib/builder/model.ts';
import type { BuilderService } from '../../src/lib/builder/payload.ts';

/** The string the builder writes for `methodId` once every required field is filled in. */
export function completedFormString(service: BuilderService, methodId: string): string {
  let state = reduce(initialState(service), { type: 'method', methodId });
  for (const field of fieldsFor(service, methodId).required) {
    if (field.fixedValue || field.recommendedValue || field.property.name === 'Profile') continue;
    const value = field.input === 'url' ? 'http://localhost:33333' : `value-of-${field.property.name}`;
    state = reduce(state, { type: 'field', property: field.property.name, value });
  }
  return buildString(service, state).text;
}
