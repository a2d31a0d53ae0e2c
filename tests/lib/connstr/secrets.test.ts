/**
 * What counts as a secret (src/lib/connstr/secrets.ts) and how reports hide it: the rule for values, redact's
 * masking, the spans an excerpt must mask, and the validator's and paste checker's messages, on the acme fixture.
 * The property-based "no secret in any output" test over every CLI command and the builder views is in
 * tests/cli/no-secret-output.test.ts.
 */
import { describe, expect, test } from 'vitest';
import {
  MASK,
  carriesCredential,
  checkPasted,
  fixAll,
  holdsSecret,
  looksLikeSecretName,
  maskSecrets,
  parseAny,
  secretSpans,
  showValue,
  validate,
} from '../../../src/lib/connstr/index.ts';
import { acme, acmeRules } from '../../support/acme.ts';

const s = acme();
/** What the engine is handed about acme (the catalog's one projection). */
const rules = acmeRules();
const P = String.raw`Profile=C:\profiles\AcmeLedger.apip`;
const reports = (problems: { message: string; fix?: { description: string } }[]) => problems.map((p) => `${p.message} ${p.fix?.description ?? ''}`).join('\n');

describe('which values are secret', () => {
  test.each([
    ['Password', true],
    ['OAuthClientSecret', true],
    ['ApiToken', true],
    ['api_key', true],
    ['X-Api-Key', true],
    ['ClientCredential', true],
    ['Authorization', true],
    ['User', false],
    ['Profile', false],
    ['AuthScheme', false],
    ['CallbackURL', false],
  ])('the name %s looks like a secret: %s', (name, secret) => {
    expect(looksLikeSecretName(name)).toBe(secret);
  });

  test.each([
    ['Authorization: Bearer tok_live_123', true],
    ['X-Trace: 1, authorization :Basic dXNlcjpwYXNz', true],
    ['Bearer abcdefgh12', true],
    ['ApiToken=tok_456', true],
    ["Region=eu;client_secret='x1'", true],
    ['https://api.example.com/v1?access_token=abc', true],
    ['https://me:hunter2@example.com/x', true],
    ['https://example.com/a:b@c', false],
    ['Accept: application/json', false],
    ['Region=eu;Timeout=30', false],
    ['C:\\profiles\\AcmeLedger.apip', false],
  ])('the value %j carries a credential: %s', (value, secret) => {
    expect(carriesCredential(value)).toBe(secret);
  });

  test('a property the service marks sensitive is secret whatever its name; others go by name and value', () => {
    const rtk = { properties: [{ name: 'RTK', aliases: ['Runtime Key'], sensitive: true }] };
    expect(holdsSecret('rtk', 'abc', [rtk])).toBe(true);
    expect(holdsSecret('Runtime Key', 'abc', [rtk])).toBe(true);
    expect(holdsSecret('RTK', 'abc')).toBe(false);
    expect(holdsSecret('APIKey', 'k', [s])).toBe(true);
    expect(holdsSecret('CustomHeaders', 'Authorization: Bearer tok_live_123', [s])).toBe(true);
    expect(holdsSecret('CustomHeaders', 'Accept: text/csv', [s])).toBe(false);
    expect(holdsSecret('MyPrivateThing', null)).toBe(true);
  });

  test('a shown value is quoted, or the mask', () => {
    expect(showValue('abc', false)).toBe('"abc"');
    expect(showValue('abc', true)).toBe(MASK);
  });
});

describe('redact and the spans an excerpt masks', () => {
  const text = `${P};ProfileSettings='APIKey=k1;Region=eu';User=me;Password="p;w";CustomHeaders=Authorization: Bearer tok_live_123;Other='ApiToken=tok_456'`;

  test('every secret value is masked, names and other values kept', () => {
    const { text: masked, masked: count } = maskSecrets(text, [s]);
    expect(count).toBe(4);
    expect(masked).toBe(`${P};ProfileSettings='APIKey=${MASK};Region=eu';User=me;Password="${MASK}";CustomHeaders=${MASK};Other='${MASK}'`);
  });

  test('a pasted form is masked where it is written', () => {
    const csharp = `var c = @"${P};AuthScheme=BASIC;User=me;Password=""p w""";`;
    expect(maskSecrets(csharp, [s]).text).toBe(`var c = @"${P};AuthScheme=BASIC;User=me;Password=""${MASK}""";`);
    expect(maskSecrets(`jdbc:api:${P};Password=pw1;x;Timeout=5`, [s]).text).toBe(`jdbc:api:${P};Password=${MASK};${MASK};Timeout=5`);
  });

  test('spans cover the secret values and the text that likely continues an unquoted one', () => {
    const tailed = `${P};User=u;Password=ab;cd;Timeout=5`;
    const spans = secretSpans(parseAny(tailed), [s]).map((sp) => tailed.slice(sp.start, sp.end));
    expect(spans).toEqual(['ab', 'cd']);
    // A pair after the secret is a pair of its own.
    expect(secretSpans(parseAny(`${P};Password=ab;User=x`), [s]).map((sp) => sp.end - sp.start)).toEqual([2]);
  });
});

describe('messages and fix descriptions never show a secret', () => {
  test('a duplicated Password: the fix names the property, not the earlier value (issue 19)', () => {
    const text = `${P};AuthScheme=BASIC;User=u;Password=S3cretPass;Password=Other1`;
    const problems = checkPasted(text, rules).problems;
    const duplicate = problems.find((p) => p.code === 'duplicate-key')!;
    expect(duplicate.fix?.description).toBe('Remove the earlier Password (the later value is the one used).');
    expect(reports(problems)).not.toMatch(/S3cretPass|Other1/);
    expect(fixAll(text, rules).applied.join(' ')).not.toContain('S3cretPass');
  });

  test('a non-secret duplicate still tells the two values apart', () => {
    const problems = checkPasted(`${P};ProfileSettings='APIKey=k';Timeout=10;Timeout=20`, rules).problems;
    expect(problems.find((p) => p.code === 'duplicate-key')?.fix?.description).toBe('Remove the earlier Timeout="10" (the later value is the one used).');
  });

  test('value messages mask a secret: placeholder, wrong type, required value', () => {
    const placeholder = validate(`${P};AuthScheme=BASIC;User=u;Password=my_password`, rules).find((p) => p.code === 'placeholder-value')!;
    expect(placeholder.message).toBe(`${MASK} looks like a placeholder from an example; replace it with your real Password.`);
    // A token pasted into a non-secret setting is still a token.
    const integer = validate(`${P};ProfileSettings='APIKey=k';Timeout=Bearer abcdef123456`, rules).find((p) => p.code === 'invalid-integer')!;
    expect(integer.message).toBe(`Timeout must be a whole number such as 60, not ${MASK}.`);
  });

  test('text after an unquoted secret and a ";" is reported once, as the likely rest of the secret', () => {
    const text = `${P};AuthScheme=BASIC;User=u;Password=first;second-half`;
    const problems = checkPasted(text, rules).problems;
    const tail = problems.filter((p) => text.slice(p.span.start, p.span.end) === 'second-half');
    expect(tail).toHaveLength(1);
    expect(tail[0]!.message).toBe(`The text after the ";" that ends the Password value has no "=" of its own, so it is probably part of the Password; quote the whole value (Password='…').`);
    expect(tail[0]!.fix).toBeUndefined();
    expect(reports(problems)).not.toContain('second-half');
    // Read as the key `second-half;Timeout`: still one finding, still masked.
    const keyed = `${P};AuthScheme=BASIC;User=u;Password=first;second-half;Timeout=5`;
    expect(reports(checkPasted(keyed, rules).problems)).not.toContain('second-half');
  });

  test('parse messages show no value at all (the parser cannot tell a secret)', () => {
    const problems = checkPasted(`${P};AuthScheme=BASIC;User=u;Password=pa55word'`, rules).problems;
    const quote = problems.find((p) => p.code === 'unquoted-value-ends-with-quote')!;
    expect(quote.message).not.toContain('pa55word');
    expect(quote.fix?.description).toBe('Quote the value of "Password".');
  });

  test('a secret written into a message some other way is masked as a last resort', () => {
    // Keys are shown in messages; a key equal to a secret value of the string is masked there too.
    const problems = checkPasted(`${P};AuthScheme=BASIC;User=u;Password=hunter2x;hunter2x=1`, rules).problems;
    expect(reports(problems)).not.toContain('hunter2x');
    expect(problems.find((p) => p.code === 'unknown-property')?.message).toContain(MASK);
  });

  test('secrets inside unknown keys and nested values are masked in excerpts', () => {
    const text = `${P};ProfileSettings='APIKey=k';CustomHeaders=Authorization: Bearer tok_live_123;Other='ApiToken=tok_456'`;
    const { secrets } = checkPasted(text, rules);
    expect(secrets.map((sp) => text.slice(sp.start, sp.end))).toEqual(['k', 'Authorization: Bearer tok_live_123', 'ApiToken=tok_456']);
  });
});

test('values are shown readably: no JSON escaping, invisible characters named', () => {
  const profile = checkPasted(String.raw`Profile=C:\profiles\Acme.txt`, rules).problems.find((p) => p.code === 'invalid-profile-path')!;
  expect(profile.message).toContain(String.raw`not "C:\profiles\Acme.txt".`);
  const quoted = validate(String.raw`Profile='C:\p\"x".txt'`, rules).find((p) => p.code === 'invalid-profile-path')!;
  expect(quoted.message).toContain(String.raw`not 'C:\p\"x".txt'.`);
  const unknown = validate(`${P};ProfileSettings='APIKey=k';Time\u200bout=5`, rules).find((p) => p.code === 'unknown-property')!;
  expect(unknown.message).toMatch(/^"Time\[U\+200B\]out" is not/);
});
