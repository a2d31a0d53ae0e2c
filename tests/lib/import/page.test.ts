/**
 * The page reader on the layouts a saved vendor page comes in, and on the small readers it is made of (menu paths,
 * addresses, bullets). Table-driven; every page here is a few lines of our own.
 */
import { describe, expect, test } from 'vitest';
import { quotedPaths, readVendorPage, unquotedPaths, urlsIn } from '../../../src/lib/import/page.ts';

const page = (...lines: string[]) => readVendorPage(lines.join('\n'), 'test.txt');

describe('layouts', () => {
  test('the text layout: blank lines between blocks, one table row a line, allowed values under their row', () => {
    const p = page(
      'API Data Provider - Online Help',
      '',
      'Connecting to Quill',
      '',
      'Using Token Authentication',
      '',
      "Open 'Admin' > 'Keys'.",
      '',
      'Example connection string',
      '',
      "Profile=C:\\profiles\\Quill.apip;ProfileSettings='APIKey=k';",
      '',
      'Connection Properties',
      '',
      'Every option of the provider.',
      '',
      'Property Description',
      'APIKey The key.',
      'Mode Which mode.',
      'Allowed values are: FAST, SLOW',
      '',
      'Copyright (c) 2025 Someone. Some rights kept.',
      'Build 24.0.9300.0',
    );
    expect(p.title?.service).toBe('Quill');
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([['method', 'Using Token Authentication']]);
    expect(p.sections[0]!.examples.map((e) => [e.line, e.text])).toEqual([[11, "Profile=C:\\profiles\\Quill.apip;ProfileSettings='APIKey=k';"]]);
    expect(p.sections[0]!.menuPaths.map((m) => [m.line, m.items, m.quoted])).toEqual([[7, ['Admin', 'Keys'], true]]);
    expect(p.table?.rows.map((r) => [r.line, r.name, r.allowedValues ?? null, r.allowedValuesLine ?? null])).toEqual([
      [18, 'APIKey', null, null],
      [19, 'Mode', ['FAST', 'SLOW'], 20],
    ]);
    expect([p.copyright?.year, p.build?.version, p.build?.line]).toEqual([2025, '24.0.9300.0', 23]);
    expect(p.unplaced).toEqual([]);
  });

  test('copied without blank lines, with a pipe table whose allowed values sit inside the description', () => {
    const p = page(
      'Connecting to Quill',
      'Using API Key Authentication',
      '- AuthScheme: Set this to APIKey.',
      '- APIKey: Set this to your key.',
      "Profile=C:\\profiles\\Quill.apip;AuthScheme=APIKey;ProfileSettings='APIKey=k'",
      'Connection Properties',
      'Every option of the provider.',
      '| Property | Description |',
      '|---|---|',
      '| APIKey | The key. |',
      '| AuthScheme | How you sign in. Allowed values are: NONE, APIKEY |',
    );
    expect(p.sections[0]!.bullets.map((b) => [b.name, b.value ?? null])).toEqual([
      ['AuthScheme', 'APIKey'],
      ['APIKey', null],
    ]);
    expect(p.table?.rows.map((r) => [r.name, r.description, r.allowedValues ?? null])).toEqual([
      ['APIKey', 'The key.', null],
      ['AuthScheme', 'How you sign in.', ['NONE', 'APIKEY']],
    ]);
  });

  test('Windows line ends and a byte-order mark change nothing, and lines keep their numbers', () => {
    const p = readVendorPage('\uFEFFConnecting to Quill\r\n\r\nUsing Basic Authentication\r\n\r\nProfile=C:\\profiles\\Quill.apip;User=u;Password=p\r\n', 'crlf.txt');
    expect(p.title?.service).toBe('Quill');
    expect(p.sections[0]!.examples.map((e) => [e.line, e.text])).toEqual([[5, 'Profile=C:\\profiles\\Quill.apip;User=u;Password=p']]);
  });

  test('a wrapped description belongs to the row above; a tab separates name and description', () => {
    const p = page('Connecting to Quill', 'Property Description', 'Token\tThe token of', 'your Quill account.', 'Region The region.');
    expect(p.table?.rows.map((r) => [r.name, r.description])).toEqual([
      ['Token', 'The token of your Quill account.'],
      ['Region', 'The region.'],
    ]);
  });

  test('a method heading may carry its own "Connection Properties" list and numbered steps', () => {
    const p = page(
      'Connecting to Quill',
      'Using OAuth Authentication',
      'Setting Up OAuth Application',
      '  1. Choose "New App"',
      '  2. Go to the Secrets section',
      'Connection Properties',
      'Write these:',
      '  • Scope: Set this to what you need (default: "read all").',
    );
    const method = p.sections[0]!;
    expect(method.subheadings.map((s) => s.text)).toEqual(['Setting Up OAuth Application', 'Connection Properties']);
    expect(method.menuPaths.map((m) => m.items)).toEqual([['New App', 'Secrets']]);
    expect(method.bullets[0]).toMatchObject({ name: 'Scope', default: 'read all' });
    expect(p.table).toBeUndefined();
  });

  test('a cut-off page: the visible start of a string is kept as a cut example; lines after the footer, before the title and after the table are reported', () => {
    const p = page(
      'Skip to content',
      'Connecting to Quill',
      'Using OAuth Authentication',
      'Example connection string',
      '[truncated: the copy stops inside the example, whose visible part is: Profile=C:\\profiles\\Quill.apip;AuthScheme=OA ; nothing follows]',
      'Build 24.0.9300.0',
      'Next page',
    );
    expect(p.truncations.map((t) => t.line)).toEqual([5]);
    expect(p.sections[0]!.examples).toEqual([expect.objectContaining({ line: 5, text: 'Profile=C:\\profiles\\Quill.apip;AuthScheme=OA', truncated: true })]);
    expect(p.unplaced.map((u) => [u.line, u.text])).toEqual([
      [1, 'Skip to content'],
      [7, 'Next page'],
    ]);
    const after = page('Connecting to Quill', 'Property Description', 'APIKey The key.', '', 'Send us feedback about this page.');
    expect(after.unplaced.map((u) => u.line)).toEqual([5]);
  });
});

describe('bullets', () => {
  test.each([
    ['AuthScheme: Set this to OAuth.', ['AuthScheme', 'OAuth', null, null]],
    ['InitiateOAuth: Set this to GETANDREFRESH. More text follows.', ['InitiateOAuth', 'GETANDREFRESH', null, null]],
    ['OAuthClientId: Set this to your app\u2019s client ID', ['OAuthClientId', null, null, null]],
    ['OAuthClientSecret: Set this to Client Secret shown in your app.', ['OAuthClientSecret', null, null, null]],
    ['APIKey: Set this to the token (without the "Bot " prefix).', ['APIKey', null, null, 'Bot ']],
    ['Scope: Set this to the scopes (default: "a b c").', ['Scope', null, 'a b c', null]],
  ])('%s', (text, expected) => {
    const bullet = page('Connecting to Quill', 'Using Token Authentication', `  • ${text}`).sections[0]!.bullets[0]!;
    expect([bullet.name, bullet.value ?? null, bullet.default ?? null, bullet.rejectedPrefix ?? null]).toEqual(expected);
  });
});

describe('menu paths and addresses in running text', () => {
  test.each([
    ["Go to 'General Settings' > 'API' > 'Create'.", [['General Settings', 'API', 'Create']]],
    ['Open \u2018Profile\u2019 > \u2018Keys\u2019 now.', [['Profile', 'Keys']]],
    ['Choose "New Application" and name it.', [['New Application']]],
    ["Tick the box 'Enabled' and save.", []],
    ["Enter a redirect address (such as 'http://localhost:3333').", []],
    ["Your app's page lists the values.", []],
    ['Set "identify email" as scopes, the default value.', []],
  ])('quoted: %s', (text, paths) => {
    expect(quotedPaths(text)).toEqual(paths);
  });

  test.each([
    ['It is under Settings > Organization > Organization ID of your account.', [['Settings', 'Organization', 'Organization ID']]],
    ['Then go to Settings and Billing', [['Settings and Billing']]],
    ['Open the Tools menu and pick Apps, then pick New App.', [['Tools', 'Apps', 'New App']]],
    ['Its number shows in the Account Information section here.', [['Account Information']]],
    ['Select My Account, then API Tokens.', [['My Account', 'API Tokens']]],
    ['Click App store in the top bar.', []],
    ['Open your account and look around.', []],
  ])('unquoted: %s', (text, paths) => {
    expect(unquotedPaths(text).map((p) => p.items)).toEqual(paths);
  });

  test('addresses: trailing punctuation is not part of them; a host broken by a space is kept whole and marked', () => {
    expect(urlsIn('Register at https://dev.example.com. Docs: https://docs.example.com/api/, then go on.')).toEqual([
      { url: 'https://dev.example.com' },
      { url: 'https://docs.example.com/api/' },
    ]);
    expect(urlsIn('Go to https://app.secure.example HR.co.jp/developers/apps and press Create.')).toEqual([
      { url: 'https://app.secure.example HR.co.jp/developers/apps', broken: true },
    ]);
  });
});
