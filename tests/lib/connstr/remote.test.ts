/**
 * File settings that point at another machine (src/lib/connstr/remote.ts) and the validator's `remote-path`
 * warning, on the acme fixture.
 */
import { describe, expect, test } from 'vitest';
import { checkPasted, remoteLocation, validate } from '../../../src/lib/connstr/index.ts';
import { acme, acmeRules } from '../../support/acme.ts';

const s = acme();
/** What the engine is handed about acme (the catalog's one projection). */
const rules = acmeRules();

describe('remoteLocation', () => {
  test.each([
    [String.raw`\\attacker.example\share\Intercom.apip`, 'network share', 'attacker.example'],
    ['//attacker.example/share/tokens.txt', 'network share', 'attacker.example'],
    [String.raw`\/host\x`, 'network share', 'host'],
    [String.raw`\\?\UNC\files.example\share\x.apip`, 'network share', 'files.example'],
    ['file://files.example/share/x.apip', 'network share', 'files.example'],
    ['https://evil.example/profile.apip', 'URL', 'evil.example'],
    ['ftp://user:pw@ftp.example/x', 'URL', 'ftp.example'],
    ['\u201c\\\\host\\share\\x.apip\u201d', 'network share', 'host'],
  ])('%s is a %s on %s', (path, kind, host) => {
    expect(remoteLocation(path)).toEqual({ kind, host });
  });

  test.each([
    String.raw`C:\profiles\Intercom.apip`,
    String.raw`\\?\C:\profiles\Intercom.apip`,
    String.raw`\\.\C:\x`,
    '/home/me/x.apip',
    'file:///C:/profiles/x.apip',
    'file://localhost/C:/x',
    String.raw`%APPDATA%\CData\OAuthSettings.txt`,
    'C://odd/but/local',
    'x.apip',
  ])('%s is on this machine', (path) => {
    expect(remoteLocation(path)).toBeUndefined();
  });
});

describe('the remote-path warning', () => {
  test('Profile and OAuthSettingsLocation on a share: each warned, saying what the driver would do there', () => {
    const text = String.raw`Profile=\\attacker.example\share\AcmeLedger.apip;AuthScheme=OAUTH;InitiateOAuth=GETANDREFRESH;OAuthClientId=i;OAuthClientSecret=x;CallbackURL=http://localhost:3333;OAuthSettingsLocation=\\attacker.example\share\tokens.txt`;
    const warnings = validate(text, rules).filter((p) => p.code === 'remote-path');
    expect(warnings.map((p) => [p.property, p.severity, text.slice(p.span.start, p.span.end)])).toEqual([
      ['Profile', 'warning', String.raw`\\attacker.example\share\AcmeLedger.apip`],
      ['OAuthSettingsLocation', 'warning', String.raw`\\attacker.example\share\tokens.txt`],
    ]);
    expect(warnings[0]!.message).toBe(
      'Profile points to a network share on "attacker.example", another machine: the driver would load the profile, which decides where your credentials are sent, from there; use a path on this computer unless you trust that machine.',
    );
    expect(warnings[1]!.message).toContain('the driver would store your OAuth tokens there');
    expect(warnings.every((p) => p.fix === undefined)).toBe(true);
  });

  test('a URL in a file setting is warned about, a local path is not, and a URL setting is not a file setting', () => {
    const text = String.raw`Profile=C:\p\AcmeLedger.apip;ProfileSettings='APIKey=k';Logfile=https://logs.example/x;CallbackURL=https://app.example/cb`;
    expect(checkPasted(text, rules).problems.filter((p) => p.code === 'remote-path').map((p) => p.property)).toEqual(['Logfile']);
  });
});
