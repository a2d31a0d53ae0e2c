/**
 * Every message names a service the way its page title does (Help Scout, Aircall), never by the driver's spelling
 * (HelpScout, AirCall), in the Validate tab and in the CLI alike: both reach the engine through the one projection
 * (`serviceRules`), whose label is the page title. The profile file name (HelpScout.apip) is a file name and stays.
 */
import { describe, expect, test } from 'vitest';
import { builderService } from '../../src/lib/builder/data.ts';
import { initialState, reduce } from '../../src/lib/builder/model.ts';
import { validateView } from '../../src/lib/builder/validation.ts';
import { main } from '../../src/cli/connstr.ts';
import { contentDir, getCatalog } from '../../src/lib/providers/load.ts';
import { serviceLabel } from '../../src/lib/providers/service-facts.ts';
import type { ResolvedService } from '../../src/lib/providers/catalog.ts';

const catalog = getCatalog();

/** Strings that draw every message that names a service: unknown names at both levels, a wrong or missing Profile, AuthScheme values. */
function probes(service: ResolvedService): string[] {
  const profile = `Profile=C:\\profiles\\${service.profileFile}`;
  const unused = ['BASIC', 'NONE', 'OAUTH', 'DIGEST'].find((v) => !service.authMethods.some((m) => m.authSchemes.includes(v)));
  return [
    `${profile};Nonsense=1;ProfileSettings='Nonsense=2'`,
    'Profile=C:\\profiles\\Elsewhere.apip',
    'Timeout=30',
    `${profile};AuthScheme=${unused ?? 'BASIC'}`,
    `${profile};AuthScheme=`,
  ];
}

/** A message with the profile file's name taken out (the file is named as the driver names it). */
const withoutFile = (message: string, service: ResolvedService) => message.replaceAll(service.profileFile, '').replaceAll(service.profileFile.toLowerCase(), '');

describe.each(catalog.services.map((s) => [serviceLabel(s), s] as const))('%s', (label, service) => {
  const messages = (list: string[]) => list.map((m) => withoutFile(m, service));

  test('the Validate tab names it by its page title', () => {
    const payload = builderService(service);
    const found: string[] = [];
    for (const text of probes(service)) {
      const view = validateView(reduce(initialState(payload, 'validate'), { type: 'paste', text }), payload, [payload], true);
      found.push(view.summary, ...view.findings.map((p) => p.message));
    }
    const naming = messages(found).filter((m) => m.includes(label));
    expect(naming.length).toBeGreaterThan(4);
    if (service.name !== label) expect(messages(found).filter((m) => m.includes(service.name))).toEqual([]);
  });

  test('the CLI names it by its page title', () => {
    const found: string[] = [];
    for (const text of probes(service)) {
      const run = main(['lint', '--format', 'json', '--service', service.id, text], { stdin: () => '', stdinIsTty: true, cwd: process.cwd(), contentDir: contentDir() });
      found.push(...(JSON.parse(run.stdout) as { findings: { message: string }[] }).findings.map((f) => f.message));
    }
    expect(messages(found).filter((m) => m.includes(label)).length).toBeGreaterThan(3);
    if (service.name !== label) expect(messages(found).filter((m) => m.includes(service.name))).toEqual([]);
  });
});

test('two services are spelt differently on their pages and in the driver, so the check above has teeth', () => {
  expect(catalog.services.filter((s) => s.name !== serviceLabel(s)).map((s) => s.id)).toEqual(expect.arrayContaining(['aircall', 'helpscout']));
});
