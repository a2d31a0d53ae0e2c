/**
 * The MCP server's tools as functions (src/cli/mcp/tools.ts), on the acme fixture: what each answers, that every
 * answer fits its declared output schema, check and fix against a driver build (acme with three builds), and
 * (property-based) that no secret sent to check, fix, convert or redact comes back, in any form the text is written
 * in, against any build. The server itself, over stdio with the SDK's client, is tested in tests/cli/mcp.test.ts.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { check, convert, fix, getService, listServices, redact, schemas, searchProperties, toolContext, ToolInputError } from '../../../src/cli/mcp/tools.ts';
import { formById, forms, quoteNestedValue, quoteValue, toCSharp } from '../../../src/lib/connstr/index.ts';
import { acmeCatalog, acmeWithBuilds } from '../../support/acme.ts';

const ctx = toolContext(acmeCatalog(), 'https://docs.example.com/');
const local = toolContext(acmeCatalog(), undefined);
/** acme documented for 25.0.9000.0, 24.0.8000.0 (no BASIC) and 23.0.7000.0 (no BASIC, no OAUTH). */
const builds = toolContext(acmeWithBuilds(), 'https://docs.example.com/');
const PROFILE = String.raw`Profile=C:\profiles\AcmeLedger.apip`;
/** The answer, after checking it against the tool's declared output schema (nothing more, nothing less). */
function fits<T>(key: keyof typeof schemas, value: T): T {
  z.object(schemas[key].output).strict().parse(value);
  return value;
}

describe('services and properties', () => {
  test('list_services: each service with its sign-in kinds, methods and links', () => {
    const { services } = fits('listServices', listServices(ctx, {}));
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      id: 'acme',
      name: 'Acme Ledger',
      profileFile: 'AcmeLedger.apip',
      page: 'https://docs.example.com/services/acme/',
      markdown: 'https://docs.example.com/services/acme.md',
      resource: 'connector-help://services/acme.md',
    });
    expect(services[0]!.kinds.length).toBeGreaterThan(0);
    expect(listServices(ctx, { kind: 'basic' }).services.map((s) => s.id)).toEqual(services[0]!.kinds.includes('basic') ? ['acme'] : []);
    // Without SITE_URL the links are the site's paths, not a made-up host.
    expect(listServices(local, {}).services[0]!.page).toBe('/services/acme/');
  });

  test('get_service: methods with steps, menu paths and requirements; properties; examples; builds', () => {
    const service = fits('getService', getService(ctx, { service: 'ACME LEDGER' }));
    expect(service.id).toBe('acme');
    expect(service.methods.map((m) => m.id)).toEqual(['token', 'oauth', 'basic']);
    const basic = service.methods.find((m) => m.id === 'basic')!;
    expect(basic.requires.map((r) => r.property)).toEqual(['AuthScheme', 'User', 'Password']);
    expect(basic.requires.find((r) => r.property === 'Password')!.sensitive).toBe(true);
    expect(basic.example).toContain('AuthScheme=BASIC');
    expect(service.methods.flatMap((m) => m.steps).some((s) => s.menuPath?.includes(' › '))).toBe(true);
    const apiKey = service.properties.find((p) => p.name === 'APIKey')!;
    expect(apiKey).toMatchObject({ placement: 'profileSettings', sensitive: true, requiredBy: ['token'] });
    expect(service.examples.length).toBe(service.methods.length);
    expect(service.builds).toEqual([service.dataVersion]);
  });

  test('get_service: an unknown service is a tool error naming the services', () => {
    expect(() => getService(ctx, { service: 'nope' })).toThrow(ToolInputError);
    expect(() => getService(ctx, { service: 'nope' })).toThrow(/The services are: acme/);
  });

  test('search_properties: by name first, then by what a property does', () => {
    const { properties } = fits('searchProperties', searchProperties(ctx, { query: 'apikey' }));
    expect(properties[0]).toMatchObject({ name: 'APIKey', services: ['acme'], reference: 'https://docs.example.com/reference/apikey/' });
    expect(searchProperties(ctx, { query: 'oauth client' }).properties.map((p) => p.name).slice(0, 2).sort()).toEqual(['OAuthClientId', 'OAuthClientSecret']);
    expect(searchProperties(ctx, { query: 'zzzz-nothing' }).properties).toEqual([]);
    expect(searchProperties(ctx, { query: 'a', limit: 2 }).properties.length).toBeLessThanOrEqual(2);
  });
});

describe('check, fix, convert, redact', () => {
  test('check: findings with codes, positions, fixes and troubleshooting links', () => {
    const text = `${PROFILE};authscheme=BASIC;User=u;Password=p;Timeout=soon`;
    const result = fits('check', check(ctx, { text }));
    expect(result.service).toBe('acme');
    const timeout = result.findings.find((f) => f.code === 'invalid-integer')!;
    expect(text.slice(timeout.start, timeout.end)).toBe('soon');
    expect(timeout).toMatchObject({ line: 1, column: timeout.start + 1, property: 'Timeout', help: 'https://docs.example.com/troubleshooting/invalid-integer/' });
    const casing = result.findings.find((f) => f.code === 'noncanonical-name')!;
    expect(casing.fix).toBe('Rename to AuthScheme.');
    expect(result.summary.errors).toBeGreaterThan(0);
  });

  test('check: a string for no known service says why, and reads every form', () => {
    const result = check(ctx, { text: 'Profile=C:\\p\\Nowhere.apip;User=u' });
    expect(result.findings.map((f) => f.code)).toEqual(['unknown-service']);
    expect(result.findings[0]!.message).toMatch(/Nowhere\.apip/);
    expect(check(ctx, { text: formById('env').write(`${PROFILE};AuthScheme=BASIC;User=u;Password=p`) }).form).toBe('.env');
  });

  test('fix: the safe fixes, listed; the fixed string masked', () => {
    const result = fits('fix', fix(ctx, { text: `${PROFILE};authscheme=BASIC;User=u;Password=hunter2x` }));
    expect(result.applied).toEqual(['Rename to AuthScheme.']);
    expect(result.fixed).toBe(`${PROFILE};AuthScheme=BASIC;User=u;Password=********`);
  });

  test.each(forms.map((f) => [f.id] as const))('convert to %s: the string in that form, masked', (to) => {
    const result = fits('convert', convert(ctx, { text: `${PROFILE};AuthScheme=BASIC;User=u;Password=hunter2x`, to }));
    expect(result.form).toBe(to);
    expect(result.output).toContain('********');
    expect(result.output).not.toContain('hunter2x');
    expect(result.findings).toEqual([]);
  });

  test('convert: options for the configuration forms; a string the driver rejects is not converted', () => {
    expect(convert(ctx, { text: `${PROFILE};User=u`, to: 'env', prefix: 'Ledger' }).output).toContain('LEDGER_USER=');
    expect(convert(ctx, { text: `${PROFILE};User=u`, to: 'appsettings', name: 'Main' }).output).toContain('"Main"');
    const rejected = convert(ctx, { text: `${PROFILE};User='u`, to: 'jdbc' });
    expect(rejected.output).toBeUndefined();
    expect(rejected.findings.map((f) => f.code)).toEqual(['unterminated-quote']);
  });

  test('redact', () => {
    expect(fits('redact', redact(ctx, { text: `${PROFILE};AuthScheme=BASIC;User=u;Password=hunter2x` }))).toEqual({ redacted: `${PROFILE};AuthScheme=BASIC;User=u;Password=********`, masked: 1 });
  });
});

describe('check and fix against a driver build', () => {
  const basic = `${PROFILE};AuthScheme=BASIC;User=u;Password=p`;
  const oauth = `${PROFILE};AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=id;OAuthClientSecret=s;CallbackURL=http://localhost:3333`;
  const notInBuild = (findings: readonly { code: string; message: string }[]) => findings.filter((f) => f.code === 'not-in-build').map((f) => f.message);

  test.each([
    { case: 'BASIC on 24.0.8000.0 names the build that added it', text: basic, build: '24.0.8000.0', found: ['Build 24.0.8000.0 of the driver does not list AuthScheme=BASIC; it was added in build 25.0.9000.0'] },
    { case: 'OAUTH on 23.0.7000.0 names the build that added it', text: oauth, build: '23.0.7000.0', found: ['Build 23.0.7000.0 of the driver does not list AuthScheme=OAUTH; it was added in build 24.0.8000.0'] },
    { case: 'BASIC with no build (the newest)', text: basic, build: undefined, found: [] },
    { case: 'BASIC on the newest, named', text: basic, build: '25.0.9000.0', found: [] },
    { case: 'OAUTH on 24.0.8000.0', text: oauth, build: '24.0.8000.0', found: [] },
  ])('$case', ({ text, build, found }) => {
    const result = fits('check', check(builds, { text, ...(build ? { build } : {}) }));
    expect(result.service).toBe('acme');
    expect(notInBuild(result.findings)).toEqual(found.map((m) => expect.stringContaining(m)));
    for (const f of result.findings.filter((f) => f.code === 'not-in-build')) {
      expect(f).toMatchObject({ severity: 'error', property: 'AuthScheme', help: 'https://docs.example.com/troubleshooting/not-in-build/' });
      expect(text.slice(f.start, f.end)).toContain(text.includes('BASIC') ? 'BASIC' : 'OAUTH');
    }
    // fix checks what is left against the same build.
    expect(notInBuild(fits('fix', fix(builds, { text, ...(build ? { build } : {}) })).remaining)).toEqual(found.map((m) => expect.stringContaining(m)));
  });

  const documented = 'Acme Ledger is documented for builds 25.0.9000.0, 24.0.8000.0, 23.0.7000.0, not 22.0.1.0';

  test('a build the service does not document, the service read from the Profile: checked against the newest, with an unknown-build warning naming the builds', () => {
    for (const answer of [check(builds, { text: basic, build: '22.0.1.0' }).findings, fix(builds, { text: basic, build: '22.0.1.0' }).remaining]) {
      expect(answer[0]).toEqual({
        code: 'unknown-build',
        title: 'The service is not documented for the driver build asked for',
        severity: 'warning',
        message: `${documented}; the string is checked against 25.0.9000.0, the newest.`,
        start: 0,
        end: 0,
        line: 1,
        column: 1,
        help: 'https://docs.example.com/troubleshooting/unknown-build/',
      });
      expect(notInBuild(answer)).toEqual([]);
    }
    expect(fits('check', check(builds, { text: basic, build: '22.0.1.0' })).summary.warnings).toBe(1);
  });

  test('a build the service does not document, the service named: a tool error naming the builds (as connstr lint --service)', () => {
    expect(() => check(builds, { text: basic, service: 'acme', build: '22.0.1.0' })).toThrow(new ToolInputError(`${documented}.`));
    expect(() => fix(builds, { text: basic, service: 'acme', build: '22.0.1.0' })).toThrow(ToolInputError);
  });

  test('the build input: four dotted numbers, described for the assistant, optional', () => {
    for (const key of ['check', 'fix'] as const) {
      const input = z.object(schemas[key].input);
      expect(input.safeParse({ text: basic, build: '23.0.7000.0' }).success).toBe(true);
      expect(input.safeParse({ text: basic }).success).toBe(true);
      for (const bad of ['latest', '23.0', '23.0.7000.0 ', '']) expect(input.safeParse({ text: basic, build: bad }).success, bad).toBe(false);
      expect(z.toJSONSchema(input).properties?.build).toMatchObject({ type: 'string', pattern: expect.any(String), description: expect.stringContaining('get_service lists the builds') });
    }
  });

  test('a string for no known service: unknown-service, whatever the build', () => {
    expect(check(builds, { text: 'Profile=C:\\p\\Nowhere.apip;User=u', build: '22.0.1.0' }).findings.map((f) => f.code)).toEqual(['unknown-service']);
  });
});

/** A secret with a marker, so it cannot match a word of a report by chance; quotes, `;` and spaces included. */
const secret = fc.array(fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-+/.:@;\'" '), { minLength: 8, maxLength: 24 }).map((c) => `Zq${c.join('')}9`);
const placements: ((v: string) => string)[] = [
  (v) => `${PROFILE};ProfileSettings=${quoteNestedValue(`APIKey=${quoteValue(v)}`)}`,
  (v) => `${PROFILE};APIKey=${quoteValue(v)}`,
  (v) => `${PROFILE};AuthScheme=BASIC;User=u;Password=${quoteValue(v)};Timeout=x`,
  (v) => `${PROFILE};AuthScheme=OAUTH;OAuthClientId=id;OAuthClientSecret=${quoteValue(v)};CallbackURL=http://localhost:3333`,
  (v) => `${PROFILE};ProfileSettings='APIKey=k';MyApiToken=${quoteValue(v)}`,
  (v) => `${PROFILE};ProfileSettings='APIKey=k';CustomHeaders=${quoteValue(`Authorization: Bearer ${v}`)}`,
  (v) => `User=u;Password=${quoteValue(v)}`,
];
const writers: ((t: string) => string)[] = [(t) => t, (t) => toCSharp(t), (t) => formById('env').write(t), (t) => formById('appsettings').write(t)];

/** Every string in an answer (the values a client reads). */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('property: no secret sent comes back', () => {
  propTest.prop([secret, fc.nat(placements.length - 1), fc.nat(writers.length - 1)], { numRuns: 150 })('from any tool that takes a string', (value, p, w) => {
    const text = writers[w]!(placements[p]!(value));
    const answers = [check(ctx, { text }), fix(ctx, { text }), redact(ctx, { text }), ...forms.map((f) => convert(ctx, { text, to: f.id }))];
    // The secret in the forms it can be written in: as is, quote-doubled, or escaped (JSON, C#, .env double quotes).
    const shapes = [value, value.replaceAll("'", "''"), value.replaceAll('"', '""'), JSON.stringify(value).slice(1, -1)];
    for (const answer of answers) {
      for (const text of strings(answer)) for (const shape of shapes) expect(text.includes(shape), `${shape} in ${text}`).toBe(false);
    }
  });

  // A build that does not list the property holding the secret (User and Password came in 25.0.9000.0, OAuth in
  // 24.0.8000.0) draws not-in-build about it; an undocumented build draws unknown-build: neither may show the value.
  const buildChoices = [undefined, '25.0.9000.0', '24.0.8000.0', '23.0.7000.0', '22.0.1.0'];
  propTest.prop([secret, fc.nat(placements.length - 1), fc.nat(writers.length - 1), fc.constantFrom(...buildChoices), fc.boolean()], { numRuns: 150 })(
    'from check and fix against any build',
    (value, p, w, build, named) => {
      const text = writers[w]!(placements[p]!(value));
      const input = { text, ...(build ? { build } : {}), ...(named ? { service: 'acme' } : {}) };
      const answers = [check, fix].flatMap((tool): unknown[] => {
        try {
          return [tool(builds, input)];
        } catch (error) {
          // The named service without that build: the tool error's text is the answer.
          if (!(error instanceof ToolInputError)) throw error;
          return [error.message];
        }
      });
      const shapes = [value, value.replaceAll("'", "''"), value.replaceAll('"', '""'), JSON.stringify(value).slice(1, -1)];
      for (const answer of answers) {
        for (const text of strings(answer)) for (const shape of shapes) expect(text.includes(shape), `${shape} in ${text}`).toBe(false);
      }
    },
  );
});
