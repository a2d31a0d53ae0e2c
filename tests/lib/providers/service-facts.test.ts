import { describe, expect, test } from 'vitest';
import { defaultProfilePath, serviceLabel } from '../../../src/lib/providers/service-facts.ts';
import { initialState } from '../../../src/lib/builder/model.ts';
import { requirementRows } from '../../../src/lib/site/service-page.ts';
import { acme, acmePayload } from '../../support/acme.ts';

describe('service facts', () => {
  test.each([
    [{ name: 'Helpscout', brandName: 'Help Scout' }, 'Help Scout'],
    [{ name: 'Acme' }, 'Acme'],
    [{ name: 'Acme', brandName: undefined }, 'Acme'],
  ])('the label of %j is %j', (service, label) => {
    expect(serviceLabel(service)).toBe(label);
  });

  test('the default Profile path is the profile file in the usual folder', () => {
    expect(defaultProfilePath({ profileFile: 'AcmeLedger.apip' })).toBe('C:\\profiles\\AcmeLedger.apip');
  });

  test('the builder default and the service page name the same path', () => {
    const s = acme();
    const path = defaultProfilePath(s);
    expect(initialState(acmePayload()).values[s.id]?.Profile).toBe(path);
    const profileRow = requirementRows(s, s.authMethods[0]!)[0]!;
    expect(profileRow.property).toBe('Profile');
    expect(profileRow.source).toContain(`for example ${path}.`);
  });
});
