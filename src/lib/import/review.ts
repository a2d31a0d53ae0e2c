/**
 * The review of one vendor page: every place where it contradicts itself, the driver's shared properties or the
 * service it documents, and every fact it lacks or the reader could not place. Pure: a `VendorPage` in, findings out.
 */
import { editDistance, foldKey, parseAny } from '../connstr/index.ts';
import { finding, sortFindings, type ImportFinding } from './findings.ts';
import { buildFromFileName, type VendorPage } from './page.ts';
import {
  allExamplePairs,
  canonicalName,
  CONNECTION_NAMES,
  examplePairs,
  mentionedNames,
  methodGroups,
  nameUses,
  sentences,
  sharedProperty,
  type ImportContext,
} from './usage.ts';

/** Reviews a page. The findings come sorted by line. */
export function reviewPage(page: VendorPage, context: ImportContext): ImportFinding[] {
  const findings: ImportFinding[] = [];
  structure(page, findings);
  examples(page, findings);
  table(page, context, findings);
  spellings(page, context, findings);
  placements(page, context, findings);
  profiles(page, findings);
  acceptedEntries(page, findings);
  names(page, context, findings);
  methods(page, findings);
  return sortFindings(findings);
}

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const lines = (ns: readonly number[]) => (ns.length === 1 ? `line ${ns[0]}` : `lines ${list([...new Set(ns)].sort((a, b) => a - b).map(String))}`);

/** The page's frame: title, footer, cut-off points and lines the reader could not place. */
function structure(page: VendorPage, findings: ImportFinding[]): void {
  if (!page.title) findings.push(finding('missing-title', 1, 'No "Connecting to …" title: the service name has to come from the file name or the profile file.'));
  const fromName = buildFromFileName(page.file);
  if (!page.build && fromName) findings.push(finding('build-from-file-name', page.lines.length, `No "Build" line: the draft takes build ${fromName} from the file name; check it against the page's address.`));
  else if (!page.build) findings.push(finding('missing-build', page.lines.length, 'No "Build" line, and none in the file name: the draft cannot say which driver build it documents; take it from the page\'s address or another copy.'));
  if (!page.copyright) findings.push(finding('missing-copyright', page.lines.length, 'No copyright line: the help edition year is unknown.'));
  for (const cut of page.truncations) {
    const visible = page.sections.flatMap((s) => s.examples).find((e) => e.truncated && e.line === cut.line);
    findings.push(
      finding(
        'truncated',
        cut.line,
        visible
          ? 'The saved page breaks off inside an example string; only its start is there. Take the whole string from another build of the page, or leave the example out.'
          : 'The saved page breaks off here; whatever followed (table rows, sections, the footer) is missing. Take it from another build of the page and say so on the service page.',
      ),
    );
  }
  const firstCut = page.truncations[0];
  if (firstCut && page.build && page.build.line > firstCut.line) {
    findings.push(finding('footer-after-truncation', page.build.line, `The Build line comes after the cut-off on line ${firstCut.line}; check that ${page.build.version} is this page's own build and not one supplied from elsewhere.`));
  }
  for (const line of page.unplaced) findings.push(finding('unplaced-line', line.line, `The importer could not place this line (${JSON.stringify(line.text.slice(0, 60))}); nothing from it is in the draft.`));
  page.sections.forEach((section, i) => {
    if (section.kind === 'section') {
      findings.push(finding('section-not-method', section.line, `"${section.heading}" is not an authentication method heading; its facts are filed under the method before it.`, { section: i }));
    }
    for (const url of section.urls) {
      if (url.broken) findings.push(finding('broken-url', url.line, `The address ${JSON.stringify(url.url)} has a space inside it; find the working address before publishing it.`, { section: i }));
    }
    for (const bullet of section.bullets) {
      if (bullet.rejectedPrefix !== undefined) {
        findings.push(finding('rejected-prefix', bullet.line, `The ${bullet.name} bullet says the value goes without a ${JSON.stringify(bullet.rejectedPrefix)} prefix; the draft records it as a pitfall of the method.`, { section: i }));
      }
    }
  });
  if (methodGroups(page).length === 0) findings.push(finding('no-method', page.title?.line ?? 1, 'No "Using …" method heading: the draft has no authentication method to fill.'));
}

/** Example strings the driver would reject as written. */
function examples(page: VendorPage, findings: ImportFinding[]): void {
  page.sections.forEach((section, i) => {
    for (const example of section.examples) {
      if (example.truncated) continue;
      const errors = parseAny(example.text).problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) findings.push(finding('example-syntax', example.line, `The example string does not parse: ${errors[0]!.message}`, { section: i }));
    }
  });
  for (const group of methodGroups(page)) {
    const has = group.sections.some((i) => page.sections[i]!.examples.length > 0);
    if (!has) findings.push(finding('no-example', group.line, `The "${group.heading}" method has no example string, and a service needs one per method: write one from its settings and say on the page that it is ours.`, { section: group.section }));
  }
}

/** Names an example or bullet uses that the table lacks, and table rows no method uses. */
function table(page: VendorPage, context: ImportContext, findings: ImportFinding[]): void {
  const uses = nameUses(page);
  const rows = page.table?.rows ?? [];
  const tableNames = new Set(rows.map((r) => foldKey(r.name)));
  const cut = page.truncations.find((t) => page.table && t.line > page.table.line);
  if (!page.table) {
    const at = page.truncations[0]?.line ?? page.build?.line ?? page.lines.length;
    findings.push(finding('no-table', at, `The page has no Connection Properties table${page.truncations.length ? ' (it breaks off before one)' : ''}: the names, types and allowed values in the draft come from the bullets and examples only.`));
  } else {
    for (const [key, named] of uses) {
      if (CONNECTION_NAMES.has(key) || tableNames.has(key)) continue;
      const used = named.filter((u) => u.source !== 'table');
      const first = used.sort((a, b) => a.line - b.line)[0]!;
      const name = canonicalName(context, named);
      const where = used.map((u) => `${u.source} on line ${u.line}`);
      const tail = cut && cut.line > (rows[rows.length - 1]?.line ?? 0) ? ` The table is cut off at line ${cut.line}, so its row may be in the missing part.` : '';
      findings.push(finding('missing-from-table', first.line, `${name} is used (${list(where)}) but the property table has no row for it.${tail}`, { property: name }));
    }
  }
  for (const row of rows) {
    const named = uses.get(foldKey(row.name)) ?? [];
    if (named.some((u) => u.source !== 'table')) continue;
    findings.push(finding('unused-in-methods', row.line, `The table lists ${row.name}, but no method's bullets or example set it; say which method uses it, or that none does.`, { property: canonicalName(context, named.length ? named : [{ spelling: row.name, source: 'table', line: row.line }]) }));
  }
}

/** The same property or value spelled differently in bullets, examples, the table or the prose. */
function spellings(page: VendorPage, context: ImportContext, findings: ImportFinding[]): void {
  const uses = nameUses(page);
  for (const [, named] of uses) {
    const canonical = canonicalName(context, named);
    const spellingsSeen = [...new Set(named.map((u) => u.spelling))];
    if (spellingsSeen.length === 1 && spellingsSeen[0] === canonical) continue;
    for (const spelling of spellingsSeen) {
      if (spelling === canonical) continue;
      const here = named.filter((u) => u.spelling === spelling);
      const others = named.filter((u) => u.spelling !== spelling);
      const elsewhere = others.length
        ? `; the ${list([...new Set(others.map((u) => u.source))])} ${others.length === 1 ? 'writes' : 'write'} ${list([...new Set(others.map((u) => u.spelling))])} (${lines(others.map((u) => u.line))})`
        : `; the driver's documented spelling is ${canonical}`;
      findings.push(
        finding('spelling-differs', here[0]!.line, `The ${list([...new Set(here.map((u) => u.source))])} ${here.length === 1 ? 'writes' : 'write'} ${spelling}${elsewhere}. Names ignore case, so both work; we publish ${canonical}.`, { property: canonical }),
      );
    }
  }
  // A value the bullet fixes, written in another case in the example (GETANDREFRESH / GetAndRefresh).
  const pairs = allExamplePairs(page);
  page.sections.forEach((section, i) => {
    for (const bullet of section.bullets) {
      if (bullet.value === undefined) continue;
      for (const pair of pairs) {
        if (pair.section !== i || foldKey(pair.key) !== foldKey(bullet.name)) continue;
        if (pair.value !== bullet.value && foldKey(pair.value) === foldKey(bullet.value)) {
          findings.push(finding('value-spelling', pair.example.line, `The example sets ${pair.key} to ${pair.value}; the bullet on line ${bullet.line} says ${bullet.value}. Values ignore case, so both work; we publish the allowed value's spelling.`, { property: canonicalName(context, uses.get(foldKey(bullet.name)) ?? []) }));
        }
      }
    }
  });
  // An example value that no bullet fixes, spelled unlike the table's allowed value.
  for (const pair of pairs) {
    const row = page.table?.rows.find((r) => foldKey(r.name) === foldKey(pair.key));
    const allowed = row?.allowedValues?.find((v) => foldKey(v) === foldKey(pair.value));
    const bullet = page.sections[pair.section]!.bullets.find((b) => foldKey(b.name) === foldKey(pair.key) && b.value !== undefined);
    if (!bullet && allowed && allowed !== pair.value && /[a-z]/.test(pair.value) && /[A-Z]/.test(pair.value) && foldKey(pair.key) !== 'authscheme') {
      findings.push(finding('value-spelling', pair.example.line, `The example sets ${pair.key} to ${pair.value}; the table's allowed value on line ${row!.allowedValuesLine ?? row!.line} is ${allowed}.`, { property: row!.name }));
    }
  }
  // Terms spelled in another case in headings and prose ("Using Oauth Authentication").
  const terms = ['OAuth', 'ProfileSettings', 'AuthScheme', ...context.shared.map((p) => p.name).filter((n) => /[A-Z].*[A-Z]/.test(n))];
  const seen = new Set<string>();
  for (const section of page.sections) {
    const texts = [{ line: section.line, text: section.heading }, ...section.subheadings, ...section.prose];
    for (const { line, text } of texts) {
      for (const word of text.match(/\b[A-Za-z][A-Za-z0-9]+\b/g) ?? []) {
        const term = terms.find((t) => foldKey(t) === foldKey(word));
        if (!term || term === word || /^[a-z]/.test(word) || seen.has(word)) continue;
        seen.add(word);
        if (uses.has(foldKey(word))) continue; // reported with the names above
        findings.push(finding('term-spelling', line, `${JSON.stringify(word)} is written for ${term}.`));
      }
    }
  }
}

/**
 * Where the page says a setting goes against where its example writes it: prose naming ProfileSettings for
 * settings the example writes at the top level (or "the connection string" for settings it nests), and settings
 * whose level differs from the driver's own (a profile setting at the top level, a driver property nested).
 */
function placements(page: VendorPage, context: ImportContext, findings: ImportFinding[]): void {
  const uses = nameUses(page);
  const known = [...uses.keys()].filter((k) => !CONNECTION_NAMES.has(k)).map((k) => canonicalName(context, uses.get(k)!));
  for (const group of methodGroups(page)) {
    const level = new Map<string, { level: 'top' | 'profileSettings'; line: number }>();
    const bulletNames: string[] = [];
    for (const i of group.sections) {
      const section = page.sections[i]!;
      for (const example of section.examples) if (!example.truncated) for (const pair of examplePairs(example, i)) if (!CONNECTION_NAMES.has(foldKey(pair.key))) level.set(foldKey(pair.key), { level: pair.level, line: example.line });
      for (const bullet of section.bullets) if (!CONNECTION_NAMES.has(foldKey(bullet.name))) bulletNames.push(bullet.name);
    }
    for (const i of group.sections) {
      const section = page.sections[i]!;
      for (const paragraph of section.prose) {
        for (const sentence of sentences(paragraph.text)) {
          const saysProfileSettings = /ProfileSettings/i.test(sentence);
          const mentioned = mentionedNames(sentence, known);
          const following = saysProfileSettings && /\b(following|below|these|options|properties)\b/i.test(sentence) ? bulletNames : [];
          const targets = [...new Set([...mentioned, ...following].map((n) => foldKey(n)))].filter((k) => level.has(k));
          const name = (k: string) => canonicalName(context, uses.get(k) ?? [{ spelling: k, source: 'example', line: 0 }]);
          if (saysProfileSettings) {
            const top = targets.filter((k) => level.get(k)!.level === 'top');
            if (top.length > 0) {
              findings.push(finding('placement-prose', paragraph.line, `The text puts ${list(top.map(name))} in ProfileSettings, but the example on line ${level.get(top[0]!)!.line} writes ${top.length === 1 ? 'it' : 'them'} at the top level.`, { section: group.section, ...(top.length === 1 ? { property: name(top[0]!) } : {}) }));
            }
          } else if (/connection string/i.test(sentence)) {
            const nested = targets.filter((k) => level.get(k)!.level === 'profileSettings');
            if (nested.length > 0) {
              findings.push(finding('placement-prose', paragraph.line, `The text puts ${list(nested.map(name))} in the connection string without naming ProfileSettings, but the example on line ${level.get(nested[0]!)!.line} writes ${nested.length === 1 ? 'it' : 'them'} inside ProfileSettings.`, { section: group.section, ...(nested.length === 1 ? { property: name(nested[0]!) } : {}) }));
            }
          }
        }
      }
    }
  }
  // Levels against the driver's own properties.
  const reported = new Set<string>();
  for (const pair of allExamplePairs(page)) {
    const key = foldKey(pair.key);
    if (CONNECTION_NAMES.has(key) || reported.has(`${key}:${pair.level}`)) continue;
    const shared = sharedProperty(context, pair.key);
    const name = canonicalName(context, uses.get(key) ?? []);
    if (pair.level === 'top' && (!shared || shared.placement === 'profileSettings')) {
      reported.add(`${key}:${pair.level}`);
      const nestedToo = allExamplePairs(page).some((p) => p.example === pair.example && p.level === 'profileSettings');
      findings.push(finding('placement-mixed', pair.example.line, `${name} is not one of the driver's own properties${shared ? ' (it is a profile setting)' : ''}, yet the example writes it at the top level${nestedToo ? ' beside ProfileSettings' : ''}; decide where it goes, and the draft writes it there.`, { property: name, section: pair.section }));
    }
    if (pair.level === 'profileSettings' && shared && shared.placement === 'top') {
      reported.add(`${key}:${pair.level}`);
      findings.push(finding('placement-mixed', pair.example.line, `${name} is a driver property at the top level for other services, but this example writes it inside ProfileSettings; the draft places it there for this service only.`, { property: name, section: pair.section }));
    }
  }
}

/** Profile files named without a folder, or in another case than the title or another example. */
function profiles(page: VendorPage, findings: ImportFinding[]): void {
  const files: { file: string; line: number; section: number }[] = [];
  page.sections.forEach((section, i) => {
    for (const example of section.examples) {
      const profile = examplePairs(example, i).find((p) => foldKey(p.key) === 'profile');
      if (!profile) continue;
      const value = profile.value.trim();
      const file = value.split(/[\\/]/).pop() ?? value;
      if (!/[\\/]/.test(value)) findings.push(finding('profile-without-path', example.line, `The example names the profile file ${file} without a folder; the other examples of the family give a path such as C:\\profiles\\${file}.`, { section: i }));
      files.push({ file, line: example.line, section: i });
    }
  });
  const service = page.title?.service.replace(/\s+/g, '');
  const reference = service ? `${service}.apip` : files[0]?.file;
  for (const f of files) {
    if (reference && f.file !== reference && foldKey(f.file) === foldKey(reference)) {
      findings.push(finding('profile-case', f.line, `The profile file is written ${f.file}, in another case than ${reference}${service ? ' (the page title)' : ''}; the driver may match it on Windows only.`, { section: f.section }));
    }
  }
}

/** An "Accepted entries are None or OAuth" sentence against the allowed values under it. */
function acceptedEntries(page: VendorPage, findings: ImportFinding[]): void {
  for (const row of page.table?.rows ?? []) {
    const m = /(?:accepted entries are|entries it accepts are|accepts? (?:the )?(?:entries|values))\s+(.+?)(?:\.|;|$)/i.exec(row.description);
    if (!m) continue;
    const named = m[1]!.split(/\s*,\s*|\s+or\s+|\s+and\s+/).map((v) => v.trim()).filter(Boolean);
    if (!row.allowedValues || row.allowedValues.length === 0) {
      findings.push(finding('accepted-entries', row.line, `The ${row.name} row says it accepts ${list(named)}, but its list of allowed values is missing; the page cannot be checked against itself.`, { property: row.name }));
      continue;
    }
    const allowed = row.allowedValues.map(foldKey);
    const said = named.map(foldKey);
    if (said.length === allowed.length && said.every((v) => allowed.includes(v))) continue;
    findings.push(
      finding('accepted-entries', row.line, `The ${row.name} row says it accepts ${list(named)}, but the allowed values on line ${row.allowedValuesLine ?? row.line} are ${row.allowedValues.join(', ')}.`, { property: row.name }),
    );
  }
}

/** Generic words that are not names of a service, however they are capitalized. */
const GENERIC = new Set(
  "api app apps application applications account accounts admin access developer developers portal oauth client secret token tokens user users key keys id custom basic settings setting new data personal open platform connection string property properties profile web cloud".split(' '),
);
const DETERMINERS = new Set(['your', 'the', 'a', 'an', 'my', 'their', 'our', 'its', 'this']);
const TRIGGERS = new Set(['account', 'api', 'app', 'application', 'admin', 'developer', 'access', 'workspace']);

/** Capitalized names right before "account", "API", "app"… after "your", "the"…: "your Ontrapot API Key". */
function namesBeforeTriggers(words: readonly string[], atRowStart: boolean): string[] {
  const found: string[] = [];
  words.forEach((word, i) => {
    if (!TRIGGERS.has(word.toLowerCase())) return;
    let j = i - 1;
    while (j >= 0 && /^[A-Z]/.test(words[j]!) && GENERIC.has(words[j]!.toLowerCase())) j--;
    const run: string[] = [];
    for (; j >= 0 && run.length < 3 && /^[A-Z]|^[a-z]+[A-Z]/.test(words[j]!) && !GENERIC.has(words[j]!.toLowerCase()) && !DETERMINERS.has(words[j]!.toLowerCase()); j--) run.unshift(words[j]!);
    if (run.length === 0 || run.length > 2) return;
    if (j >= 0 ? DETERMINERS.has(words[j]!.toLowerCase()) : atRowStart) found.push(run.join(' '));
  });
  return found;
}

/**
 * Service names that are not this service: another product named in a table description or bullet (the wording
 * was copied from another page), or a misspelling of this service's name anywhere.
 */
function names(page: VendorPage, context: ImportContext, findings: ImportFinding[]): void {
  const service = page.title?.service;
  if (!service) return;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const own = norm(service);
  const propertyNames = new Set([...context.shared.flatMap((p) => [p.name, ...p.aliases]), ...nameUses(page).keys()].map(norm));
  const texts: { line: number; text: string; section?: number; strict: boolean; row?: string }[] = [
    ...(page.table?.rows ?? []).map((r) => ({ line: r.line, text: r.description, strict: true, row: r.name })),
    ...page.sections.flatMap((s, i) => [
      ...s.bullets.map((b) => ({ line: b.line, text: b.text, section: i, strict: true })),
      ...s.prose.map((p) => ({ line: p.line, text: p.text, section: i, strict: false })),
    ]),
  ];
  const seen = new Set<string>();
  for (const { line, text, section, strict, row } of texts) {
    const words = text.match(/[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
    const camel = words.filter((w) => /^[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/.test(w) && !/[A-Z]{2}/.test(w.slice(1)));
    const candidates = [...camel.map((w) => ({ name: w, other: true })), ...namesBeforeTriggers(words, row !== undefined).map((w) => ({ name: w, other: strict }))];
    for (const { name, other } of candidates) {
      const n = norm(name);
      if (n.length < 3 || propertyNames.has(n) || GENERIC.has(n) || seen.has(name)) continue;
      if (/^(?:OAuth|JavaScript|PowerShell|GitHub|PostgreSQL|MySQL)/.test(name)) continue;
      const about = { ...(section === undefined ? {} : { section }), ...(row === undefined ? {} : { property: canonicalName(context, nameUses(page).get(foldKey(row)) ?? [{ spelling: row, source: 'table', line }]) }) };
      if (n === own) {
        seen.add(name);
        if (name !== service) findings.push(finding('name-variant', line, `The page also writes the service as ${JSON.stringify(name)} (title: ${service}); if that is the brand's own spelling, set brandName.`, about));
        continue;
      }
      if (n.startsWith(own) || own.startsWith(n)) continue; // "HelpScout Docs", a product of the service
      if (damerau1(n, own)) {
        seen.add(name);
        findings.push(finding('misspelt-name', line, `${JSON.stringify(name)} looks like a misspelling of ${service}.`, about));
      } else if (other) {
        seen.add(name);
        findings.push(finding('other-service', line, `${JSON.stringify(name)} is named here, but this page documents ${service}; the wording was likely copied from another service's page.`, about));
      }
    }
  }
  typos(page, findings, new Set([...seen].map((n) => n.toLowerCase())));
}

/** Common words of these pages and their consoles, for spotting a transposed or dropped letter in a name. */
const VOCABULARY = new Set(
  `account accounts access add admin api apps app application applications authentication authorization billing build client company companies configure connect connected connection console create custom dashboard developer developers domain domains enabled general generate getting information integration integrations keys key manage management menu new oauth organization organizations page platform portal preferences profile profiles register registration scopes section secret security select settings setting token tokens user users workspace workspaces your store tracker projects project marketplace develop scope`.split(/\s+/),
);

/** A word one letter off a word of the page or of the common list: "Aps" beside "Apps", "Comapny" for "Company". */
function typos(page: VendorPage, findings: ImportFinding[], reportedNames: ReadonlySet<string>): void {
  const pageWords = new Map<string, number>();
  const all = page.lines.join(' ').match(/[A-Za-z]{3,}/g) ?? [];
  const count = (w: string) => pageWords.set(w.toLowerCase(), (pageWords.get(w.toLowerCase()) ?? 0) + 1);
  for (const w of all) {
    count(w);
    // CamelCase names give their parts (CompanyId → company).
    const parts = w.split(/(?<=[a-z])(?=[A-Z])/);
    if (parts.length > 1) for (const part of parts) if (part.length >= 3) count(part);
  }
  const known = (w: string) => VOCABULARY.has(w) || (pageWords.get(w) ?? 0) > 1;
  // Names only: menu items, headings, and capitalized words inside table descriptions (not the one opening them).
  const checked: { line: number; words: string[] }[] = [
    ...page.sections.flatMap((s) => s.menuPaths.map((p) => ({ line: p.line, words: p.items.join(' ').split(/\s+/) }))),
    ...(page.table?.rows ?? []).map((r) => ({ line: r.line, words: (r.description.match(/(?<=\S\s+)[A-Z][a-z]+\b/g) ?? []) })),
    ...page.sections.map((s) => ({ line: s.line, words: s.heading.split(/\s+/) })),
  ];
  const reported = new Set<string>();
  for (const { line, words } of checked) {
    const sameLine = words.map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
    for (const word of words) {
      if (/^[A-Z0-9]+$/.test(word)) continue; // an acronym or a label in capitals
      const w = word.toLowerCase().replace(/[^a-z]/g, '');
      if (w.length < 3 || known(w) || reported.has(w) || reportedNames.has(w)) continue;
      const candidates = [...sameLine.filter((c) => c !== w), ...VOCABULARY, ...[...pageWords.keys()].filter((k) => k !== w)];
      const near = candidates.find((c) => c.length >= 3 && Math.abs(c.length - w.length) <= 1 && damerau1(w, c) && !inflected(w, c));
      if (!near) continue;
      reported.add(w);
      findings.push(finding('typo', line, `${JSON.stringify(word)} looks like a typo for ${JSON.stringify(matchCase(word, near))}.`));
    }
  }
}

/** One word is the other plus an ending (selects/select, apps/app): no typo. */
const inflected = (a: string, b: string) => {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^(?:s|es|d|ed)$/.test(long.slice(short.length));
};

/** True when `a` and `b` differ by one edit: an insertion, deletion, substitution or swap of neighbours. */
function damerau1(a: string, b: string): boolean {
  if (a === b) return false;
  if (editDistance(a, b) === 1) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

const matchCase = (model: string, word: string) => (/^[A-Z]/.test(model) ? word[0]!.toUpperCase() + word.slice(1) : word);

/** Methods chosen by the credential they set, and methods the intro names but the page has no section for. */
function methods(page: VendorPage, findings: ImportFinding[]): void {
  const groups = methodGroups(page);
  const withoutScheme = groups.filter((g) =>
    g.sections.some((i) => page.sections[i]!.examples.some((e) => !e.truncated)) &&
    !g.sections.some((i) => page.sections[i]!.examples.some((e) => !e.truncated && examplePairs(e, i).some((p) => foldKey(p.key) === 'authscheme'))),
  );
  if (withoutScheme.length > 1) {
    findings.push(
      finding('credential-selects-method', withoutScheme[1]!.line, `${withoutScheme.length} methods (${list(withoutScheme.map((g) => `"${g.heading}"`))}) set no AuthScheme: the driver tells them apart by the credential each one sets. The draft marks that credential (impliedWhenSet); check it.`),
    );
  }
  const intro = page.sections.find((s) => s.kind === 'intro');
  if (!intro) return;
  const headings = groups.map((g) => g.heading.toLowerCase()).join(' | ');
  for (const paragraph of intro.prose) {
    for (const scheme of ['Basic', 'OAuth', 'Password', 'Bot']) {
      if (new RegExp(`\\b${scheme}\\b`, 'i').test(paragraph.text) && !headings.includes(scheme.toLowerCase())) {
        findings.push(finding('intro-methods', paragraph.line, `The introduction names ${scheme} authentication, but the page has no section for it (methods: ${list(groups.map((g) => `"${g.heading}"`))}).`));
      }
    }
  }
}

