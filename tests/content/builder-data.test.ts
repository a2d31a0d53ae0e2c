/** The builder's data split on the real services: one shared file for the general properties, a small file per service. */
import { describe, expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { builderProperty, builderService, commonData, commonDataId, serviceData } from '../../src/lib/builder/data.ts';
import { buildString, fieldsFor } from '../../src/lib/builder/form.ts';
import { initialState } from '../../src/lib/builder/model.ts';
import { readCommonPayload, readServicePayload, type BuilderService } from '../../src/lib/builder/payload.ts';
import { joinService } from '../../src/lib/builder/service.ts';
import { buildProblems } from '../../src/lib/builder/validation.ts';

const catalog = getCatalog();
const common = commonData(catalog.properties);
const byName = (service: BuilderService) => [...service.properties].sort((a, b) => a.name.localeCompare(b.name));

describe.each(catalog.services.map((s) => [s.id, s] as const))('%s', (_id, service) => {
  const part = serviceData(service, common);
  const joined = joinService(part, common);
  const whole = builderService(service);

  test('joined back, the files hold exactly the payload the island would get whole', () => {
    expect({ ...joined, properties: byName(joined) }).toEqual({ ...whole, properties: byName(whole) });
  });

  test('both files read back through their schema unchanged', () => {
    expect(readServicePayload(JSON.parse(JSON.stringify(part)))).toEqual(part);
    expect(readCommonPayload(JSON.parse(JSON.stringify(common)))).toEqual(common);
  });

  test('the service file leaves out every general property it does not change', () => {
    const own = new Set(part.properties.map((p) => p.name));
    const untouched = common.properties.filter((c) => {
      const mine = service.properties.find((p) => p.name === c.name);
      return mine !== undefined && JSON.stringify(builderProperty(mine)) === JSON.stringify(c);
    });
    expect(untouched.length).toBeGreaterThan(20);
    for (const property of untouched) expect(own.has(property.name), property.name).toBe(false);
    expect(JSON.stringify(part).length).toBeLessThan(JSON.stringify(whole).length / 2);
  });

  test('the builder reads the joined data as it reads the whole payload', () => {
    expect(buildString(joined, initialState(joined))).toEqual(buildString(whole, initialState(whole)));
    for (const method of service.authMethods) expect(fieldsFor(joined, method.id)).toEqual(fieldsFor(whole, method.id));
    const text = `Profile=C:\\profiles\\${service.profileFile};Timeout=abc;Proxy_Port=x;Logfile=;OAuthClientSecert=1`;
    expect(buildProblems(joined, text)).toEqual(buildProblems(whole, text));
  });
});

test('the shared file holds the general top-level properties once, as services see them', () => {
  expect(common.properties.length).toBeGreaterThan(40);
  expect(common.properties.every((p) => p.placement === 'top')).toBe(true);
  const shared = new Map(catalog.properties.map((p) => [p.name, p]));
  for (const p of common.properties) expect(p).toEqual(builderProperty(shared.get(p.name)!));
  expect(new Set(common.properties.map((p) => p.name)).size).toBe(common.properties.length);
});

test('a service named like the shared file is refused with a clear error', () => {
  const service = { ...catalog.services[0]!, id: commonDataId };
  expect(() => serviceData(service, common)).toThrow(/cannot have the id "common"/);
});

test('a service property that narrows a general one wins over the shared definition', () => {
  const base = catalog.services[0]!;
  const timeout = base.properties.find((p) => p.name === 'Timeout')!;
  const narrowed = { ...timeout, default: '5', origin: 'service' as const };
  const part = serviceData({ ...base, properties: [narrowed, ...base.properties.filter((p) => p.name !== 'Timeout')] }, common);
  expect(part.properties.find((p) => p.name === 'Timeout')?.default).toBe('5');
  expect(joinService(part, common).properties.filter((p) => p.name === 'Timeout')).toHaveLength(1);
  expect(joinService(part, common).properties.find((p) => p.name === 'Timeout')?.default).toBe('5');
});

describe('an older build’s page', () => {
  test('its builder payload carries the build, so the Validate tab names the build that added a value', async () => {
    const { olderBuildViews } = await import('../../src/lib/site/builds.ts');
    const { checkPasted } = await import('../../src/lib/connstr/index.ts');
    const { rulesOf } = await import('../../src/lib/builder/service.ts');
    const humanity = catalog.services.find((s) => s.id === 'humanity')!;
    const view = olderBuildViews(humanity).find((v) => v.dataVersion.build === '23.0.8839.0')!;
    const payload = readServicePayload(JSON.parse(JSON.stringify(serviceData(view, common))));
    expect(payload.build?.version).toBe('23.0.8839.0');
    expect(payload.properties.find((p) => p.name === 'AuthScheme')?.allowedValues?.map((v) => v.value)).toEqual(['NONE', 'OAUTH']);
    const text = 'Profile=C:\\profiles\\Humanity.apip;AuthScheme=BASIC;User=me;Password=pw';
    const found = checkPasted(text, rulesOf(joinService(payload, common))).problems.filter((p) => p.code === 'not-in-build');
    expect(found.map((p) => p.message)).toEqual([expect.stringContaining('added in build 24.0.9060.0')]);
    // The newest page's payload: BASIC is listed, no such finding.
    const newest = joinService(readServicePayload(JSON.parse(JSON.stringify(serviceData(humanity, common)))), common);
    expect(checkPasted(text, rulesOf(newest)).problems.filter((p) => p.code === 'not-in-build')).toEqual([]);
  });
});
