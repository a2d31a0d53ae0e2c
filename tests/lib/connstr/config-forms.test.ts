/**
 * The two configuration-file forms of the forms table (src/lib/connstr/forms/env.ts and appsettings.ts): the .env
 * naming rule, what each writer writes, what each reader takes (and what it leaves to the plain form), where a
 * finding lands in the file, how a fix is written back, and that masking reaches the secrets in both files.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { canonicalPairs, checkPasted, formById, keyProblem, maskSecrets, readPasted, toPastedSpan, type Pair } from '../../../src/lib/connstr/index.ts';
import { envName, upperSnake } from '../../../src/lib/connstr/forms/env.ts';
import { acmeRules } from '../../support/acme.ts';

const text = "Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=\"a b\";Password='x;y';ProfileSettings='Region=eu;APIKey=k$1'";
const env = formById('env');
const appsettings = formById('appsettings');

describe('.env: the naming rule', () => {
  test.each([
    ['OAuthClientId', 'OAUTH_CLIENT_ID'],
    ['APIKey', 'API_KEY'],
    ['AuthScheme', 'AUTH_SCHEME'],
    ['InitiateOAuth', 'INITIATE_OAUTH'],
    ['CallbackURL', 'CALLBACK_URL'],
    ['SSLServerCert', 'SSL_SERVER_CERT'],
    ['Profile', 'PROFILE'],
    ['my key.2', 'MY_KEY_2'],
    ['2fa', '_2_FA'],
    ['¿?', 'X'],
  ])('%s → %s', (key, name) => {
    expect(upperSnake(key)).toBe(name);
  });

  test('the prefix comes first', () => {
    expect(envName('AcmeLedger', 'OAuthClientId')).toBe('ACME_LEDGER_OAUTH_CLIENT_ID');
  });
});

describe('.env: the writer', () => {
  test('one variable per property, nested ones too, and the line that assembles them', () => {
    expect(env.write(text)).toBe(
      [
        "ACME_LEDGER_PROFILE='C:\\profiles\\AcmeLedger.apip'",
        "ACME_LEDGER_AUTH_SCHEME='BASIC'",
        `ACME_LEDGER_USER='"a b"'`,
        `ACME_LEDGER_PASSWORD="'x;y'"`,
        "ACME_LEDGER_REGION='eu'",
        "ACME_LEDGER_API_KEY='k$1'",
        `ACME_LEDGER_CONNECTION_STRING="Profile=\${ACME_LEDGER_PROFILE};AuthScheme=\${ACME_LEDGER_AUTH_SCHEME};User=\${ACME_LEDGER_USER};Password=\${ACME_LEDGER_PASSWORD};ProfileSettings='Region=\${ACME_LEDGER_REGION};APIKey=\${ACME_LEDGER_API_KEY}'"`,
        '',
      ].join('\n'),
    );
  });

  test('without a Profile the prefix is CONNECTION; options name the prefix and the assembling variable; a name taken twice gets _2', () => {
    expect(env.write('User=a;user=b')).toBe("CONNECTION_USER='a'\nCONNECTION_USER_2='b'\nCONNECTION_CONNECTION_STRING=\"User=${CONNECTION_USER};user=${CONNECTION_USER_2}\"\n");
    expect(env.write('User=a', { prefix: 'db', variable: 'DB_URL' })).toBe("DB_USER='a'\nDB_URL=\"User=${DB_USER}\"\n");
  });

  test('pairs are serialized first, like every writer of the table', () => {
    const pairs: Pair[] = [['User', 'a;b'], ['ProfileSettings', [['APIKey', 'k']]]];
    expect(readPasted(env.write(pairs)).text).toBe(`User="a;b";ProfileSettings='APIKey=k'`);
  });
});

describe('.env: the reader', () => {
  test('a finding in the assembled string points at the variable that holds the value', () => {
    const pasted = env.write("Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=u;Password=p;Timeout=abc");
    const problem = checkPasted(pasted, acmeRules()).problems.find((p) => p.code === 'invalid-integer')!;
    expect(problem).toBeDefined();
    expect(pasted.slice(problem.span.start, problem.span.end)).toBe('abc');
    expect(pasted.split('\n').find((line) => line.includes('abc'))).toBe("ACME_LEDGER_TIMEOUT='abc'");
  });

  test('a fix keeps the file’s variable names and lines: only the assembling line changes for a renamed key', () => {
    const pasted = `# database\nexport APP_PROFILE='C:\\profiles\\AcmeLedger.apip'\nAPP_SCHEME='BASIC'\nAPP_USER='u'\nAPP_PASSWORD='p'\nAPP="Profile=\${APP_PROFILE};authscheme=\${APP_SCHEME};User=\${APP_USER};Password=\${APP_PASSWORD}"\nOTHER=1\n`;
    const reading = readPasted(pasted);
    expect(reading.form).toBe('env');
    expect(reading.text).toBe('Profile=C:\\profiles\\AcmeLedger.apip;authscheme=BASIC;User=u;Password=p');
    expect(reading.rewrite(reading.text.replace('authscheme', 'AuthScheme'))).toBe(pasted.replace('authscheme', 'AuthScheme'));
    // A changed value is written in its own line; a new key gets a variable before the assembling line; a removed one loses its line.
    const next = reading.rewrite('Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=v;Timeout=30');
    expect(next).toBe(
      `# database\nexport APP_PROFILE='C:\\profiles\\AcmeLedger.apip'\nAPP_SCHEME='BASIC'\nAPP_USER='v'\nAPP_TIMEOUT='30'\nAPP="Profile=\${APP_PROFILE};AuthScheme=\${APP_SCHEME};User=\${APP_USER};Timeout=\${APP_TIMEOUT}"\nOTHER=1\n`,
    );
    expect(readPasted(next).text).toBe('Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=v;Timeout=30');
  });

  test('one variable holding a whole string is read, and written back in its quoting', () => {
    const reading = readPasted(`DB="Profile=C:\\\\p\\\\AcmeLedger.apip;User=\\"u\\""\n`);
    expect(reading).toMatchObject({ form: 'env', text: 'Profile=C:\\p\\AcmeLedger.apip;User="u"' });
    expect(reading.rewrite('User=v')).toBe('DB="User=v"\n');
  });

  test.each([
    'Profile=C:\\p\\AcmeLedger.apip;User=u',
    'PROFILE=C:\\p\\AcmeLedger.apip;USER=u',
    "User='a=b'",
    'Profile=a;User=b\nPassword=c',
    'APP="User=${APP_USER}"\nnot an assignment',
    "DB='never closed",
    "DB='User=u' trailing",
  ])('a plain string, or text that is not a .env file, is left to the other forms: %j', (pasted) => {
    expect(readPasted(pasted).form).not.toBe('env');
  });

  test('single quotes keep ${…} literal; an unknown reference is kept as written', () => {
    expect(readPasted("A='x'\nB='User=${A}'\n").text).toBe('User=${A}');
    expect(readPasted('B="User=${NOPE};Password=${A}"\nA=1\n').text).toBe('User=${NOPE};Password=${A}');
  });
});

describe('appsettings.json', () => {
  test('the writer: a whole file, the entry named after the Profile', () => {
    expect(appsettings.write(text)).toBe(`${JSON.stringify({ ConnectionStrings: { AcmeLedger: text } }, null, 2)}\n`);
    expect(appsettings.write('User=u')).toContain('"Default": "User=u"');
    expect(appsettings.write('User=u', { name: 'Ledger' })).toContain('"Ledger": "User=u"');
  });

  test('the reader finds the section at any depth and maps escapes', () => {
    const pasted = '{\n  "Logging": {"Level": "x=y"},\n  "App": {"connectionStrings": {"Main": "Profile=C:\\\\p\\\\AcmeLedger.apip;User=\\u0041\\"b"}}\n}';
    const reading = readPasted(pasted);
    expect(reading).toMatchObject({ form: 'appsettings', text: 'Profile=C:\\p\\AcmeLedger.apip;User=A"b' });
    const at = reading.text.indexOf('A"b');
    const span = toPastedSpan(reading, { start: at, end: at + 3 });
    expect(pasted.slice(span.start, span.end)).toBe('\\u0041\\"b');
    expect(reading.rewrite('User=x')).toBe(pasted.replace(/"Profile=[^\n]*\\"b"/, '"User=x"'));
  });

  test.each(['{"ConnectionStrings": {}}', '{"ConnectionStrings": {"A": "x=1"', '{"Other": {"A": "User=u"}}', '"ConnectionStrings": {"A": "User=u"}'])(
    'not a settings file with a string in ConnectionStrings: %j',
    (pasted) => {
      expect(readPasted(pasted).form).not.toBe('appsettings');
    },
  );
});

/** Keys and values of any kind the grammar can write (NUL aside). */
const keyArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.-]{0,12}[A-Za-z0-9]$/).filter((k) => keyProblem(k) === undefined);
const valueArb = fc.string({ unit: 'binary', maxLength: 24 }).filter((v) => !v.includes('\0'));
const pairsArb = fc.uniqueArray(fc.tuple(keyArb, valueArb), { minLength: 1, maxLength: 6, selector: ([k]) => k.toLowerCase() });

describe('property: both files give back the string exactly, and masking reaches every secret in them', () => {
  propTest.prop([pairsArb, fc.constantFrom<'env' | 'appsettings'>('env', 'appsettings')], { numRuns: 300 })('write → read → the same string', (pairs, id) => {
    const plain = formById('plain').write(pairs as Pair[]);
    const written = formById(id).write(plain);
    const reading = readPasted(written);
    expect(reading.form).toBe(id);
    expect(reading.text).toBe(plain);
    expect(reading.rewrite(reading.text)).toBe(written);
  });

  const secret = fc.stringMatching(/^[A-Za-z0-9;'" =$]{6,16}$/).filter((s) => s.trim().length >= 6);
  propTest.prop([secret, secret, fc.constantFrom<'env' | 'appsettings'>('env', 'appsettings')], { numRuns: 300 })('no sensitive value survives maskSecrets', (password, apiKey, id) => {
    const pairs: Pair[] = [['Profile', 'C:\\profiles\\AcmeLedger.apip'], ['User', 'u'], ['Password', password], ['ProfileSettings', [['APIKey', apiKey]]]];
    const masked = maskSecrets(formById(id).write(pairs), [acmeRules()]).text;
    // The file still reads as its form, and the values the driver would take are the mask, not the secrets.
    const reading = readPasted(masked);
    expect(reading.form).toBe(id);
    expect(canonicalPairs(reading.text)).toEqual([
      ['Profile', 'C:\\profiles\\AcmeLedger.apip'],
      ['User', 'u'],
      ['Password', '********'],
      ['ProfileSettings', [['APIKey', '********']]],
    ]);
  });
});
