/** Every finding the Validate tab shows links to its code's troubleshooting page ("How to fix"). */
import { expect, test } from 'vitest';
import { pastedView, shownFindings } from '../../../src/lib/builder/validation.ts';
import { troubleshootingPath } from '../../../src/lib/site/paths.ts';
import { acmePayload } from '../../support/acme.ts';

test('each finding carries the troubleshooting page of its own code', () => {
  const text = "Profile=C:\\profiles\\AcmeLedger.apip;ProfileSettings='APIKey=k';Timeout=30s;Readonly=yes;Bogus=1;;";
  const { problems, secrets } = pastedView(acmePayload(), text);
  const { findings } = shownFindings(text, problems, secrets);
  expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(3);
  for (const f of findings) expect(f.docs).toBe(troubleshootingPath(f.code));
  expect(troubleshootingPath('invalid-integer')).toBe('/troubleshooting/invalid-integer/');
});
