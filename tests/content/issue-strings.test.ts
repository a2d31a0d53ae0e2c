/**
 * The strings issue 19 quotes, through the CLI (`connstr lint --format json`) on the real catalog: each gets the
 * one right finding (or a finding per setting it names), never the wrong advice the issue quotes, and no finding
 * where the string is fine.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { main } from '../../src/cli/connstr.ts';
import { getCatalog } from '../../src/lib/providers/load.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
type Finding = { code: string; severity: string; message: string; property?: string; fix?: string };
function lint(text: string): Finding[] {
  const { stdout } = main(['lint', '--format', 'json', text], { stdin: () => '', stdinIsTty: true, cwd: process.cwd(), contentDir });
  return (JSON.parse(stdout) as { findings: Finding[] }).findings.filter((f) => f.code !== 'sensitive');
}

const I = String.raw`Profile=C:\profiles\Intercom.apip`;
const A = String.raw`Profile=C:\profiles\AirCall.apip`;
const oauth = 'InitiateOAuth=GETANDREFRESH;OAuthClientId=abc;OAuthClientSecret=def;CallbackURL=http://localhost:3333';

describe('the strings the issue quotes', () => {
  test("Intercom ProfileSettings='AccessToken=…': rename to APIKey, where it is", () => {
    const findings = lint(`${I};ProfileSettings='AccessToken=abc123'`);
    expect(findings.map((f) => [f.code, f.fix])).toEqual([['unknown-property', 'Rename to APIKey.']]);
    expect(findings[0]!.message).toContain('did you mean APIKey?');
  });

  test('OAuth settings inside ProfileSettings: one move per setting, never move-and-remove', () => {
    const findings = lint(`${I};ProfileSettings='AuthScheme=OAuth;${oauth.replace('CallbackURL', 'CallbackUrl')}'`);
    expect(findings.map((f) => f.code)).toEqual(Array(5).fill('wrong-level'));
    expect(findings.map((f) => f.property)).toEqual(['AuthScheme', 'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'CallbackURL']);
    for (const f of findings) expect(f.fix).toMatch(/^Move \w+ out of ProfileSettings to the top level\.$/);
  });

  test.each(['OFF', 'REFRESH'])('InitiateOAuth=%s with no OAuthAccessToken cannot connect: an error with its cause and fix', (value) => {
    const findings = lint(`${I};AuthScheme=OAUTH;${oauth.replace('GETANDREFRESH', value)}`);
    expect(findings.map((f) => [f.code, f.severity, f.fix])).toEqual([['required-value', 'error', 'Set InitiateOAuth=GETANDREFRESH.']]);
    expect(findings[0]!.message).toContain('no OAuthAccessToken');
  });

  test('InitiateOAuth=REFRESH with your own OAuthAccessToken is fine', () => {
    expect(lint(`${I};AuthScheme=OAUTH;${oauth.replace('GETANDREFRESH', 'REFRESH')};OAuthAccessToken=tok`)).toEqual([]);
  });

  test('an invalid enum value gets its one finding, not also "keep this value only if you mean to"', () => {
    const findings = lint(`${I};AuthScheme=OAUTH;${oauth.replace('GETANDREFRESH', 'SOMETIMES')}`);
    expect(findings.map((f) => f.code)).toEqual(['invalid-enum-value']);
    expect(findings[0]!.message).not.toContain('keep this value');
  });

  test('no Profile at all: the string does not say its service; nothing about a Profile naming a file', () => {
    const findings = lint('AuthScheme=OAUTH;User=x');
    expect(findings.map((f) => f.code)).toEqual(['unknown-service']);
    expect(findings[0]!.message).toContain('has no Profile');
    expect(findings[0]!.message).not.toMatch(/Profile names/);
  });

  test.each(['AutoCache=true', 'Offline=true', 'XPath=/items/item', 'URI=http://example.com/api', 'CustomHeaders=X-A:1', 'GenerateSchemaFiles=OnStart', String.raw`CacheLocation=C:\cache`, String.raw`Cache Location=C:\cache`])(
    'deprecated %s: remove it (never "become CacheLocation")',
    (pair) => {
      const findings = lint(`${I};ProfileSettings='APIKey=abc123';${pair}`);
      expect(findings.map((f) => [f.code, f.severity])).toEqual([['deprecated-property', 'warning']]);
      expect(findings[0]!.fix).toMatch(/^Remove \w+\.$/);
    },
  );

  test("Aircall's knowledge-base form ProfileSettings='APIKey=ID:token' is recognized, not \"check the spelling\"", () => {
    const findings = lint(`${A};ProfileSettings='APIKey=12345:abcdef'`);
    expect(findings.map((f) => [f.code, f.fix])).toEqual([['alternate-form', 'Write it as User and Password.']]);
    expect(findings[0]!.message).not.toContain('check the spelling');
  });

  test.each([
    [`${I};AuthScheme=OAUTH;${oauth.replace('CallbackURL', 'RedirectURL')}`, 'CallbackURL'],
    [`${A};APIId=12345;Password=abcdef`, 'User'],
    [`${A};User=12345;APIToken=abcdef`, 'Password'],
    [String.raw`Profile=C:\profiles\Infusionsoft.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;Key=abc;OAuthClientSecret=def`, 'OAuthClientId'],
    [String.raw`Profile=C:\profiles\Infusionsoft.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=abc;Secret=def`, 'OAuthClientSecret'],
    [`${I};ProfileSettings='APIKey=abc123';Username=u`, 'User'],
  ])('%s: did you mean %s (one finding)', (text, meant) => {
    const findings = lint(text);
    expect(findings.map((f) => [f.code, f.fix])).toEqual([['unknown-property', `Rename to ${meant}.`]]);
  });

  test("iContact's own Username is its setting, not a misspelt User", () => {
    expect(lint(String.raw`Profile=C:\profiles\iContact.apip;ProfileSettings='AppId=a;Username=u;Password=p;AccountId=1'`)).toEqual([]);
  });

  test('a single trailing ";" (every vendor example has one) gets no note', () => {
    expect(lint(`${I};ProfileSettings='APIKey=abc123';`)).toEqual([]);
    expect(lint(`${A};User=12345;Password=abcdef;`)).toEqual([]);
  });

  const vendorTexts = getCatalog().services.flatMap((s) => s.examples.flatMap((e) => (e.vendorText ? [[`${s.id} ${e.id}`, e.vendorText] as const] : [])));
  test.each(vendorTexts)('the vendor example of %s: no stray-separator note for its trailing ";"', (_name, text) => {
    expect(lint(text).map((f) => f.code)).not.toContain('stray-separator');
  });
});
