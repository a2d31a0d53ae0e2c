/**
 * Synthetic services for the scale benchmark, drawn from the shapes of the real family (content/services, issue 18):
 * two to four auth methods, 20–40 listed properties (shared ones narrowed, service-defined ones, ProfileSettings
 * entries), steps with menu paths and links, decisions, and one example per method written with the engine's
 * `serialize` in canonical order, so the catalog (which validates every example at load time) accepts them. Each
 * service draws from these shapes, as the real ones have them:
 * - its own profile settings, required by its methods, some sensitive, some with a default or allowed values
 *   (AccountId, TenantId, Region, a Scope with a documented default: Dotmailer, SmartHR, Discord);
 * - a profile setting the vendor writes at the top level (SmartHR's `UseSandbox=false`);
 * - credentials inside ProfileSettings that share a driver property's name (iContact: Username, AppId and the
 *   driver's Password moved inside ProfileSettings);
 * - a token method selected with `AuthScheme=APIKEY`, with a pitfall on a copied prefix (Discord's bot token);
 * - two methods selected by the credential set, with no AuthScheme (Kairos3: APIKey or Password);
 * - a profile named without a path (`Profile=Zoom.apip`).
 *
 * A content folder holds the real shared properties, the real services (the guide's OutputForms example needs
 * Intercom) and N synthetic ones. Deterministic: the same N always gives the same files.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

/** mulberry32: a small seeded PRNG, so every run generates the same services. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** `n` distinct items of a list, in list order. */
    some: (list, n) => {
      const idx = list.map((_, i) => i).sort(() => next() - 0.5).slice(0, n).sort((x, y) => x - y);
      return idx.map((i) => list[i]);
    },
  };
}

const syllables = ['ka', 'lo', 'ver', 'zan', 'tri', 'mo', 'nex', 'ra', 'sol', 'vi', 'qua', 'den', 'pli', 'tor', 'ba', 'fen', 'gri', 'hu', 'jas', 'ly', 'mir', 'no', 'pex', 'ru', 'sta', 'tu', 'wex', 'yo', 'zel', 'cor'];
const suffixes = ['CRM', 'Desk', 'Books', 'Analytics', 'Cloud', 'HR', 'Mail', 'Pay', 'Track', 'Chat', 'Forms', 'Ledger', 'Ops', 'Shop', 'Sign'];
const consoles = ['admin console', 'developer portal', 'account settings', 'app marketplace', 'integrations page'];
const builds = [['24.0.9300.0', '2025'], ['25.0.9134.0', '2026'], ['25.0.9412.0', '2026']];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** Service-defined properties: a pool shared by many services (as real vendors reuse names), placement included. */
const pool = [
  { name: 'Subdomain', category: 'Connection', type: 'string', placement: 'profileSettings', summary: 'The subdomain of your account, the part before the service domain in its address.', example: 'acme' },
  { name: 'AccountId', category: 'Connection', type: 'string', placement: 'profileSettings', summary: 'The numeric id of the account to read, shown on the account settings page.', example: '123456' },
  { name: 'WorkspaceId', category: 'Connection', type: 'string', placement: 'profileSettings', summary: 'The workspace whose data the connection reads.', example: 'ws_01' },
  { name: 'TenantId', category: 'Connection', type: 'string', placement: 'profileSettings', summary: 'The tenant the account belongs to, for multi-tenant installations.' },
  { name: 'Region', category: 'Connection', type: 'enum', placement: 'profileSettings', default: 'us', allowedValues: [['us', 'The United States data centre.'], ['eu', 'The European data centre.'], ['au', 'The Australian data centre.']], summary: 'Which data centre holds the account.' },
  { name: 'Environment', category: 'Connection', type: 'enum', placement: 'profileSettings', default: 'production', allowedValues: [['production', 'The live account.'], ['sandbox', 'The test account the vendor provides for development.']], summary: 'Whether to read the live account or its sandbox.' },
  { name: 'ApiVersion', category: 'Connection', type: 'enum', placement: 'profileSettings', default: 'v2', allowedValues: [['v1', 'The older API, kept for existing reports.'], ['v2', 'The current API.']], summary: 'Which version of the service API the profile calls.' },
  { name: 'InstanceURL', category: 'Connection', type: 'url', placement: 'profileSettings', summary: 'The address of a self-hosted installation.', example: 'https://crm.example.com' },
  { name: 'IncludeArchived', category: 'Miscellaneous', type: 'boolean', placement: 'profileSettings', default: 'false', summary: 'Whether archived records are returned.' },
  { name: 'PageSize', category: 'Miscellaneous', type: 'integer', placement: 'profileSettings', default: '100', summary: 'How many records the profile asks for per request.' },
  { name: 'DateFormat', category: 'Miscellaneous', type: 'string', placement: 'profileSettings', summary: 'The format of date values the service returns, when it is not ISO 8601.' },
  { name: 'TimeZone', category: 'Miscellaneous', type: 'string', placement: 'profileSettings', summary: 'The time zone the account reports dates in.', example: 'Europe/Helsinki' },
  { name: 'UseSandbox', category: 'Connection', type: 'boolean', placement: 'top', summary: 'Connect to the sandbox instead of the live account; the vendor writes it beside ProfileSettings.', requiredValue: 'false' },
  { name: 'Scope', category: 'OAuth', type: 'string', placement: 'profileSettings', default: 'read write', summary: 'The OAuth scopes to ask for, separated by spaces; the vendor documents a default.', oauthOnly: true },
  { name: 'CompanyId', category: 'Connection', type: 'string', placement: 'profileSettings', summary: 'The company whose records are read, for accounts with several companies.' },
  { name: 'ApiToken', category: 'Authentication', type: 'string', placement: 'profileSettings', sensitive: true, summary: 'A personal API token, an alternative to the API key on newer accounts.' },
  { name: 'IncludeCustomFields', category: 'Schema', type: 'boolean', placement: 'top', default: 'true', summary: 'Whether custom fields appear as columns.' },
  { name: 'UseDisplayNames', category: 'Schema', type: 'boolean', placement: 'top', default: 'false', summary: 'Use the display names of fields as column names.' },
  { name: 'RowScanDepth', category: 'Schema', type: 'integer', placement: 'top', default: '100', summary: 'How many rows are scanned to guess the columns of a dynamic table.' },
  { name: 'ExpandDetails', category: 'Schema', type: 'boolean', placement: 'top', default: 'false', summary: 'Return nested details as extra columns instead of JSON text.' },
  { name: 'ThrottleDelay', category: 'Miscellaneous', type: 'integer', placement: 'top', default: '0', summary: 'Milliseconds to wait between requests, for accounts with a low rate limit.' },
];

/** Shared driver properties a service may list with a service-specific summary. */
const generalShared = ['Timeout', 'MaxRows', 'ProxyServer', 'ProxyPort', 'Logfile', 'Verbosity', 'Readonly', 'UseConnectionPooling', 'BatchSize', 'AutoCache', 'CacheLocation', 'Tables', 'Views', 'Other', 'PseudoColumns', 'SSLServerCert', 'FirewallType', 'OAuthSettingsLocation', 'OAuthAccessToken', 'OAuthRefreshToken'];

const menus = [
  ['Settings', 'Integrations', 'API'],
  ['Admin', 'Apps', 'Private apps'],
  ['Account', 'Developer', 'API keys'],
  ['Settings', 'Security', 'Access tokens'],
  ['Marketplace', 'Manage apps', 'Create app'],
  ['Company settings', 'API access'],
  ['Profile', 'Personal tokens'],
];

const methodKinds = {
  nested: { label: 'API integration', scheme: undefined, audience: 'own-data', when: 'Pick this when your account has an API integration with its own application ID, user name and password.' },
  token: { label: 'API key', scheme: 'APIKEY', audience: 'own-data', when: 'Pick this to read your own account with a key an administrator creates; there is no app to register.' },
  oauth: { label: 'OAuth', scheme: 'OAUTH', audience: 'other-users', when: 'Pick this when other accounts connect through your app and each user signs in and grants access.' },
  basic: { label: 'User and password', scheme: 'BASIC', audience: 'own-data', when: 'Pick this for a service account with a user name and password, where the account allows basic sign-in.' },
  client: { label: 'OAuth client credentials', scheme: 'OAUTH_CLIENT', audience: 'own-data', when: 'Pick this for unattended jobs: your app signs in as itself with its client ID and secret, no user sign-in.' },
};

const decision = (rng, topic) => ({
  issue: rng.pick([`The vendor page names ${topic} in two different spellings.`, `The vendor example for ${topic} ends with a stray separator.`, `The vendor table gives no default for ${topic}.`]),
  decision: rng.pick(['We publish the canonical spelling the driver reports and note the other.', 'We drop the separator; the driver ignores it either way.', 'We leave the default blank rather than guess one.']),
});

/**
 * One synthetic service (the raw JSON a content/services/<id>.json file holds).
 * @param {number} index
 * @param {{ serialize: (pairs: any) => string }} engine
 * @param {Set<string>} taken names already used
 */
export function syntheticService(index, engine, taken) {
  const rng = prng(0x5eed + index * 7919);
  let base;
  do {
    base = cap(Array.from({ length: rng.int(2, 3) }, () => rng.pick(syllables)).join(''));
  } while (taken.has(base));
  taken.add(base);
  const name = `${base} ${rng.pick(suffixes)}`;
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const profileFile = `${name.replace(/[^A-Za-z0-9]/g, '')}.apip`;
  const consoleName = `${name} ${rng.pick(consoles)}`;
  const [build, edition] = rng.pick(builds);

  // The family's method shapes. `nested` is iContact's: credentials inside ProfileSettings, one of them the driver's
  // Password moved there, so it never sits beside a top-level `basic` method.
  let kinds = rng.some(['token', 'oauth', 'basic', 'client'], rng.int(2, 4));
  if (!kinds.includes('basic') && rng.chance(0.35)) kinds = [...kinds.slice(0, 3), 'nested'];
  // Kairos3: an API key method and a password method, told apart by which credential is set (no AuthScheme).
  const byCredential = kinds.includes('token') && kinds.includes('basic') && rng.chance(0.5);
  // Discord: the token method is selected with AuthScheme=APIKEY (when it is not the one implied by omission).
  const schemeToken = !byCredential && kinds.includes('token') && kinds.length > 1 && rng.chance(0.5);
  const implied = byCredential ? 'token' : kinds.includes('nested') ? 'nested' : kinds.includes('token') && !schemeToken ? 'token' : kinds.includes('basic') ? 'basic' : undefined;
  // Zoom: the vendor's example names the profile without a path.
  const bareProfile = rng.chance(0.2);

  // Service-defined properties: a locator every method requires (realistic: most profiles need the account),
  // more from the pool, and one or two only this service has.
  const defined = rng.some(pool.filter((p) => !p.oauthOnly || kinds.includes('oauth')), rng.int(8, 14));
  const locator = defined.find((p) => p.placement === 'profileSettings' && p.type === 'string' && !p.sensitive && !p.oauthOnly);
  const unique = Array.from({ length: rng.int(1, 2) }, (_, k) => ({
    name: `${base}${['PortalId', 'Edition', 'Shard'][k]}`,
    category: 'Connection',
    type: 'string',
    placement: rng.chance(0.6) ? 'profileSettings' : 'top',
    summary: `A setting only ${name} has: the ${['portal', 'edition', 'shard'][k]} the account lives on.`,
    confidence: rng.pick(['observed', 'convention', 'inferred']),
  }));
  const nested = kinds.includes('nested')
    ? [
        { name: 'Username', category: 'Authentication', type: 'string', placement: 'profileSettings', summary: `The user name of your ${name} API integration; not the driver's User property.`, example: 'your_username' },
        { name: 'AppId', category: 'Authentication', type: 'string', placement: 'profileSettings', summary: `The application ID of your ${name} API integration.`, example: 'your_app_id' },
      ]
    : [];
  const own = [...defined, ...unique, ...nested.filter((n) => !defined.some((d) => d.name === n.name))];

  const sharedListed = new Set(['AuthScheme']);
  if (kinds.includes('token')) sharedListed.add('APIKey');
  if (kinds.includes('oauth') || kinds.includes('client')) ['InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret'].forEach((n) => sharedListed.add(n));
  if (kinds.includes('oauth')) sharedListed.add('CallbackURL');
  if (kinds.includes('basic')) ['User', 'Password'].forEach((n) => sharedListed.add(n));
  if (kinds.includes('nested')) sharedListed.add('Password');
  const target = rng.int(20, 40);
  for (const n of rng.some(generalShared, Math.max(0, target - sharedListed.size - own.length))) sharedListed.add(n);

  const schemeOf = (kind) => (kind === implied || (byCredential && kind === 'basic') || kind === 'nested' ? undefined : methodKinds[kind].scheme);
  const schemes = ['NONE', ...kinds.map(schemeOf).filter(Boolean)];
  const properties = [
    ...[...sharedListed].map((n) => {
      const entry = { name: n };
      if (n === 'AuthScheme') entry.allowedValues = ['BASIC', 'NONE', 'NTLM', 'OAUTH', 'OAUTH_CLIENT', 'APIKEY'].filter((v) => schemes.includes(v));
      // iContact: the driver's Password, written inside ProfileSettings beside the integration's Username.
      else if (n === 'Password' && kinds.includes('nested')) entry.placement = 'profileSettings';
      else if (rng.chance(0.5)) entry.summary = `${n} as ${name} uses it: see the ${consoleName} for the value.`;
      if (rng.chance(0.1)) entry.decisions = [decision(rng, n)];
      return entry;
    }),
    ...own.map(({ name: n, allowedValues, requiredValue, oauthOnly, ...rest }) => ({
      name: n,
      define: {
        ...rest,
        ...(allowedValues ? { allowedValues: allowedValues.map(([value, summary]) => ({ value, summary })) } : {}),
        remarks: rng.chance(0.5) ? `Set this when the ${consoleName} shows more than one choice.\n\nLeave it out otherwise.` : undefined,
      },
    })),
  ];
  const placementOf = (n) => (n === 'APIKey' || (n === 'Password' && kinds.includes('nested')) ? 'profileSettings' : own.find((p) => p.name === n)?.placement ?? 'top');
  // Settings every method requires besides its credentials: the locator, and the top-level setting with the value
  // the vendor's example gives (SmartHR's UseSandbox=false).
  const sandbox = defined.find((p) => p.requiredValue);
  const scope = defined.find((p) => p.oauthOnly);

  const menu = () => rng.pick(menus).map((m) => m.replace('apps', `${base} apps`));
  const authMethods = [];
  const examples = [];
  for (const kind of kinds) {
    const k = methodKinds[kind];
    const isImplied = kind === implied;
    const scheme = schemeOf(kind);
    /** @type {{ property: string, value?: string, valueRule?: string, source: string }[]} */
    const requires = [];
    if (scheme) requires.push({ property: 'AuthScheme', value: scheme, source: 'Fixed by this method.' });
    if (kind === 'oauth' || kind === 'client') {
      requires.push({ property: 'InitiateOAuth', value: 'GETANDREFRESH', valueRule: 'recommended', source: 'Lets the driver fetch and renew tokens; choose OFF only if you manage tokens yourself.' });
      requires.push({ property: 'OAuthClientId', source: `Client ID of your app in the ${consoleName}.` });
      requires.push({ property: 'OAuthClientSecret', source: 'Client secret shown once when the app is created.' });
    }
    if (kind === 'oauth') requires.push({ property: 'CallbackURL', source: 'The redirect URL registered for your app; it must match exactly.' });
    if (kind === 'basic') {
      requires.push({ property: 'User', source: `The user name you sign in to ${name} with.` });
      requires.push({ property: 'Password', source: 'The password of that user.' });
    }
    if (kind === 'token') requires.push({ property: 'APIKey', source: `The API key under ${menu().join(' > ')}.` });
    if (kind === 'nested') {
      requires.push({ property: 'AppId', source: 'The application ID your API integration shows.' });
      requires.push({ property: 'Username', source: 'The user name your API integration shows.' });
      requires.push({ property: 'Password', source: 'The password of the API integration, inside ProfileSettings.' });
    }
    if (kind === 'oauth' && scope) requires.push({ property: scope.name, value: scope.default, valueRule: 'recommended', source: 'The scopes the vendor documents as the default.' });
    if (locator) requires.push({ property: locator.name, source: `Shown in the address bar of the ${consoleName}.` });
    if (sandbox) requires.push({ property: sandbox.name, value: sandbox.requiredValue, valueRule: 'recommended', source: 'The vendor example writes it at the top level; true reaches the sandbox.' });
    const optional = own.filter((p) => p !== locator && p !== sandbox && p !== scope && !p.sensitive && !nested.some((n) => n.name === p.name)).map((p) => p.name);
    const allows = rng.some(optional, rng.int(1, Math.min(4, optional.length)));
    const steps = [
      { text: `Sign in to the ${consoleName} as an administrator.`, menuPath: menu() },
      ...(kind === 'oauth' || kind === 'client'
        ? [
            { text: `Register an app for the driver; ${kind === 'oauth' ? 'enter a redirect URL and ' : ''}copy its client ID and secret.`, menuPath: menu(), link: `https://developer.${id}.example.com/apps`, yields: ['OAuthClientId', 'OAuthClientSecret', ...(kind === 'oauth' ? ['CallbackURL'] : [])] },
            { text: 'Set AuthScheme and InitiateOAuth as listed below.', yields: ['AuthScheme', 'InitiateOAuth'] },
          ]
        : kind === 'token'
          ? [{ text: 'Create an API key and copy it; it is shown once.', menuPath: menu(), console: rng.chance(0.3) ? `${name} developer portal` : undefined, yields: ['APIKey'] }, { text: 'Put the key in ProfileSettings as APIKey.', yields: ['APIKey'] }]
          : kind === 'nested'
            ? [{ text: 'Register an API integration and copy its application ID, user name and password.', menuPath: menu(), yields: ['AppId', 'Username', 'Password'] }]
            : [{ text: 'Create a service user for the connection and give it read access.', menuPath: menu(), yields: ['User', 'Password'] }]),
      ...(locator ? [{ text: `Note the ${locator.name} from the address of the console.`, yields: [locator.name] }] : []),
    ];
    authMethods.push({
      id: kind,
      label: k.label,
      audience: k.audience,
      whenToUse: k.when,
      authSchemes: scheme ? [scheme] : [],
      impliedWithoutAuthScheme: isImplied,
      ...(byCredential && kind === 'token' ? { impliedWhenSet: ['APIKey'] } : {}),
      ...(byCredential && kind === 'basic' ? { impliedWhenSet: ['Password'] } : {}),
      ...(kind === 'token' && scheme ? { pitfalls: [{ property: 'APIKey', rejectedPrefix: rng.pick(['Bot ', 'Bearer ']), text: 'Give the token alone, without the prefix the service puts before it in its own Authorization header.' }] } : {}),
      confidence: rng.pick(['observed', 'observed', 'convention', 'inferred']),
      steps,
      requires,
      allows,
      example: kind,
      decisions: rng.chance(0.3) ? [decision(rng, k.label)] : [],
    });

    // The example in canonical order (Profile, AuthScheme, ProfileSettings, then required properties in the
    // method's order), each value a placeholder or the fixed value; the engine writes and quotes it.
    const value = (r) => r.value ?? `your_${r.property.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()}`;
    const inner = requires.filter((r) => placementOf(r.property) === 'profileSettings').map((r) => [r.property, value(r)]);
    const top = requires.filter((r) => placementOf(r.property) === 'top' && r.property !== 'AuthScheme').map((r) => [r.property, value(r)]);
    const fixed = requires.find((r) => r.property === 'AuthScheme');
    const pairs = [['Profile', bareProfile ? profileFile : `C:\\profiles\\${profileFile}`], ...(fixed ? [['AuthScheme', fixed.value]] : []), ...(inner.length ? [['ProfileSettings', inner]] : []), ...top];
    const connectionString = engine.serialize(pairs);
    // The vendor's spelling: case differences and a trailing separator, which mean the same settings.
    const vendorPairs = pairs.map(([key, v]) => (key === 'AuthScheme' ? ['Authscheme', cap(String(v).toLowerCase())] : [key, v]));
    examples.push({ id: kind, title: k.label, authMethod: kind, connectionString, ...(rng.chance(0.6) ? { vendorText: `${engine.serialize(vendorPairs)};` } : {}) });
  }

  return {
    id,
    name,
    consoleName,
    profileFile,
    dataVersion: { build, edition },
    overview: `${name} is a synthetic ${rng.pick(['customer-support', 'accounting', 'marketing', 'sales', 'project-tracking'])} service generated for the scale benchmark. It documents ${kinds.length} ways to sign in (${kinds.map((x) => methodKinds[x].label).join(', ')}); values come from the ${consoleName}.`,
    properties,
    authMethods,
    examples,
    decisions: rng.chance(0.4) ? [decision(rng, name)] : [],
  };
}

/**
 * Writes a content folder: the real properties and services plus `count` synthetic services.
 * @returns {{ dir: string, services: number, synthetic: number }}
 */
export function writeContent(dir, count, engine) {
  mkdirSync(join(dir, 'services'), { recursive: true });
  cpSync(join(root, 'content', 'properties'), join(dir, 'properties'), { recursive: true });
  const real = readdirSync(join(root, 'content', 'services')).filter((n) => n.endsWith('.json'));
  for (const name of real) cpSync(join(root, 'content', 'services', name), join(dir, 'services', name));
  const taken = new Set();
  for (let i = 0; i < count; i++) {
    const service = syntheticService(i, engine, taken);
    writeFileSync(join(dir, 'services', `${service.id}.json`), `${JSON.stringify(service, null, 2)}\n`);
  }
  return { dir, services: real.length + count, synthetic: count };
}
