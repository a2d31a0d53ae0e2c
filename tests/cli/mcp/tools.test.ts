/**
 * The MCP server's tools as functions (src/cli/mcp/tools.ts), on the acme fixture: what each answers, that every
 * answer fits its declared output schema, and (property-based) that no secret sent to check, fix, convert or redact
 * comes back, in any form the text is written in. The server itself, over stdio with the SDK's client, is tested in
 * tests/cli/mcp.test.ts.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { check, convert, fix, getService, listServices, redact, schemas, searchProperties, toolContext, ToolInputError } from '../../../src/cli/mcp/tools.ts';
import { formById, forms, quoteNestedValue, quoteValue, toCSharp } from '../../../src/lib/connstr/index.ts';
import { acmeCatalog } from '../../support/acme.ts';

const ctx = toolContext(acmeCatalog(), 'https://docs.example.com/');
const local = toolContext(acmeCatalog(), undefined);
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
});
