/**
 * Every form the builder writes reads back: for every service of the real catalog, every auth method and
 * every output form (plain, JDBC URL, ODBC in today's and the documented DSN form, C#, Java, Python, .env and
 * appsettings.json), build →
 * paste → the same canonical pairs, no error, and "Load into the builder" gets the same fields. The output
 * writers are called generically, so a change of one form's format still has to read back.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  canonicalPairs,
  checkPasted,
  keyProblem,
  readPasted,
  formById,
  toCSharp,
  toJava,
  toJdbcUrl,
  toOdbc,
  toPastedSpan,
  toPython,
  applyEdits,
  type FormId,
  type Pair,
} from '../../src/lib/connstr/index.ts';
import { builderService } from '../../src/lib/builder/data.ts';
import { buildString, fieldsFor } from '../../src/lib/builder/form.ts';
import { initialState, reduce } from '../../src/lib/builder/model.ts';
import { type BuilderService } from '../../src/lib/builder/payload.ts';
import { rulesOf } from '../../src/lib/builder/service.ts';
import { fromConnectionString, pastedView } from '../../src/lib/builder/validation.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { serviceRules } from '../../src/lib/providers/rules.ts';

const catalog = getCatalog();
/** What the island gets about each real service. */
const payloads = catalog.services.map(builderService);

/** Every output form, as [form the reader must report, writer]. */
const writers: [FormId, (text: string, pairs: Pair[]) => string][] = [
  ['plain', (text) => text],
  ['jdbc', (text) => toJdbcUrl(text)],
  ['jdbc', (text) => toJdbcUrl(text, 'jdbc:cdata:api:')],
  ['odbc', (_text, pairs) => toOdbc(pairs)],
  // The documented DSN form: the plain pairs after a DSN head (what the ODBC writer may switch to).
  ['odbc', (text) => `DSN=CData ODBC API Source;${text}`],
  ['csharp', (text) => toCSharp(text)],
  ['csharp', (text) => toCSharp(text, { ascii: true })],
  ['java', (text) => toJava(text)],
  ['java', (text) => toJava(text, { ascii: true, prefix: 'jdbc:cdata:api:' })],
  ['python', (text) => toPython(text)],
  ['python', (text) => toPython(text, { ascii: true })],
  ['env', (text) => formById('env').write(text)],
  ['env', (text) => formById('env').write(text, { prefix: 'App', variable: 'DB' })],
  ['appsettings', (text) => formById('appsettings').write(text)],
  ['appsettings', (text) => formById('appsettings').write(text, { name: 'Primary "db"' })],
];

/** A value for a field that exercises quoting: separators, both quotes, braces, a backslash, non-ASCII. */
function sampleValue(service: BuilderService, name: string, index: number): string {
  const property = service.properties.find((p) => p.name === name)!;
  switch (property.type) {
    case 'enum':
      return property.allowedValues![index % property.allowedValues!.length]!.value;
    case 'boolean':
      return index % 2 ? 'true' : 'false';
    case 'integer':
      return String(40 + index);
    case 'url':
      return `http://localhost:${3000 + index}/cb?x=1&y={2}`;
    case 'path':
      return `C:\\data\\${service.id}\\tokens ${index}.txt`;
    default:
      return [`v;${index}'q"}`, `plain${index}`, `é ✓ {x}}`, `a\\b"c`][index % 4]!;
  }
}

/** Strings the builder writes for one method: its required fields filled, then every optional field too. */
function builtStrings(service: BuilderService, methodId: string): string[] {
  let state = reduce(initialState(service), { type: 'method', methodId });
  const { required, optional } = fieldsFor(service, methodId);
  const out: string[] = [];
  let i = 0;
  for (const field of required) if (field.fixedValue === undefined && field.property.name !== 'Profile') state = reduce(state, { type: 'field', property: field.property.name, value: sampleValue(service, field.property.name, i++) });
  out.push(buildString(service, state).text);
  for (const field of optional) state = reduce(state, { type: 'field', property: field.property.name, value: sampleValue(service, field.property.name, i++) });
  out.push(buildString(service, state).text);
  return out;
}

const cases = payloads.flatMap((service) =>
  service.authMethods.flatMap((method) => builtStrings(service, method.id).map((text, n) => ({ service, method: method.id, text, n }))),
);

describe('build → paste → same pairs, for every service, method and output form', () => {
  test('the catalog gives cases for every service and method', () => {
    expect(new Set(cases.map((c) => c.service.id)).size).toBe(catalog.services.length);
    expect(cases.length).toBe(catalog.services.reduce((n, s) => n + s.authMethods.length * 2, 0));
    for (const c of cases) expect(c.text, `${c.service.id} ${c.method}`).not.toBe('');
  });

  test.each(cases.map((c) => [`${c.service.id} ${c.method} #${c.n}`, c] as const))('%s', (_name, { service, text }) => {
    const rules = rulesOf(service);
    const pairs = canonicalPairs(text, rules);
    const loaded = fromConnectionString(text, service);
    for (const [form, write] of writers) {
      const pasted = write(text, pairs);
      const reading = readPasted(pasted);
      const where = `${form}: ${pasted}`;
      expect(reading.form, where).toBe(form);
      expect(canonicalPairs(reading.text, rules), where).toEqual(pairs);
      const { problems } = checkPasted(pasted, rules, { reportSensitive: false });
      expect(problems.filter((p) => p.severity === 'error'), where).toEqual([]);
      expect(fromConnectionString(pasted, service), where).toEqual(loaded);
      expect(pastedView(service, pasted).form, where).toBe(form);
    }
  });
});

describe('findings point into the pasted text, and fixes are written in its form', () => {
  const aircall = serviceRules(catalog.services.find((s) => s.id === 'aircall')!);
  const typo = 'Profile=C:\\profiles\\AirCall.apip;authscheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=a"b;OAuthClientSecret=s;CallbackURL=http://localhost:33333';
  const forms = writers.filter(([form]) => form !== 'plain').map(([form, write]) => [form, write(typo, canonicalPairs(typo))] as const);

  test.each(forms)('%s: the misspelt key is marked where it was pasted; its fix reads back fixed', (_form, pasted) => {
    const { problems } = checkPasted(pasted, aircall);
    const rename = problems.find((p) => p.code === 'noncanonical-name' && p.property === 'AuthScheme')!;
    expect(rename).toBeDefined();
    expect(pasted.slice(rename.span.start, rename.span.end)).toBe('authscheme');
    const fixed = applyEdits(pasted, rename.fix!.edits);
    expect(readPasted(fixed).form).toBe(readPasted(pasted).form);
    expect(readPasted(fixed).text).toContain('AuthScheme=OAUTH');
    expect(checkPasted(fixed, aircall).problems.some((p) => p.code === 'noncanonical-name')).toBe(false);
    // Nothing else changed: the rest of the pasted text is kept as it was.
    expect(fixed.replace('AuthScheme', 'authscheme')).toBe(pasted);
  });

  test('a value of a C# literal with escapes maps to its escape sequences', () => {
    const pasted = 'var cs = "Profile=C:\\\\profiles\\\\AirCall.apip;User=\\u0041\\"b;Password=x";';
    const reading = readPasted(pasted);
    expect(reading.form).toBe('csharp');
    expect(reading.text).toBe('Profile=C:\\profiles\\AirCall.apip;User=A"b;Password=x');
    const at = reading.text.indexOf('A"b');
    const span = toPastedSpan(reading, { start: at, end: at + 3 });
    expect(pasted.slice(span.start, span.end)).toBe('\\u0041\\"b');
  });

  test('a Python string split over lines, and a single-quoted one, are read whole', () => {
    const split = 'conn = mod.connect(\n    "Profile=C:\\\\profiles\\\\AirCall.apip;"\n    "User=u;Password=p"\n)';
    expect(readPasted(split)).toMatchObject({ form: 'python', text: 'Profile=C:\\profiles\\AirCall.apip;User=u;Password=p' });
    const single = "conn = mod.connect('Profile=C:\\\\p\\\\AirCall.apip;User=\\'u\\'')";
    expect(readPasted(single)).toMatchObject({ form: 'python', text: "Profile=C:\\p\\AirCall.apip;User='u'" });
    const raw = 'conn = mod.connect(r"Profile=C:\\p\\AirCall.apip;User=u")';
    expect(readPasted(raw)).toMatchObject({ form: 'python', text: 'Profile=C:\\p\\AirCall.apip;User=u' });
  });

  test('Java and C# string concatenation is read whole', () => {
    const java = 'String url = "jdbc:api:Profile=C:\\\\p\\\\AirCall.apip;" +\n  "User=u";';
    expect(readPasted(java)).toMatchObject({ form: 'java', text: 'jdbc:api:Profile=C:\\p\\AirCall.apip;User=u' });
    const cs = 'new APIConnection(@"Profile=C:\\p\\AirCall.apip;" + "User=u")';
    expect(readPasted(cs)).toMatchObject({ form: 'csharp', text: 'Profile=C:\\p\\AirCall.apip;User=u' });
  });

  test('plain strings with quoted values stay plain', () => {
    for (const text of [
      'User="1234 5678";Password="x"',
      'User="a=b"',
      "Password='it''s';User=u",
      'Profile=C:\\x\\A.apip',
      "ProfileSettings='APIKey=k;Profile=C:\\p\\A.apip'",
      "Profile=C:\\Program Files (x86)\\A.apip;User='a;b'",
      "ConnectionLifeTime='30;Profile=x'",
    ]) {
      expect(readPasted(text), text).toMatchObject({ form: 'plain', text });
    }
  });

  test('ODBC: a braced value with "}}" and a head without pairs', () => {
    const reading = readPasted('Driver={CData ODBC Driver for API};Profile={C:\\a;b}}};User=u');
    expect(reading.form).toBe('odbc');
    expect(canonicalPairs(reading.text)).toEqual([
      ['Profile', 'C:\\a;b}'],
      ['User', 'u'],
    ]);
    expect(readPasted('DSN=CData ODBC API Source')).toMatchObject({ form: 'odbc', text: '' });
  });
});

/** Keys any form can carry (the ODBC writer refuses `=`, `;` and braces). */
const keyArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.-]{0,12}[A-Za-z0-9]$/).filter((k) => keyProblem(k) === undefined);
const valueArb = fc.string({ unit: 'binary', maxLength: 24 }).filter((v) => !v.includes('\0'));

describe('property: arbitrary pairs read back from every form', () => {
  propTest.prop([fc.uniqueArray(fc.tuple(keyArb, valueArb), { minLength: 1, maxLength: 6, selector: ([k]) => k.toLowerCase() })], { numRuns: 500 })(
    'canonical pairs survive each writer and the reader',
    (pairs) => {
      const plain = toJdbcUrl(pairs).slice('jdbc:api:'.length);
      const expected = canonicalPairs(plain);
      for (const [form, write] of writers) {
        const reading = readPasted(write(plain, pairs as Pair[]));
        expect(reading.form).toBe(form);
        expect(canonicalPairs(reading.text)).toEqual(expected);
      }
    },
  );
});
