/**
 * Every text the engine shows a user, in one table: the messages of the parser's, the validator's and the paste
 * reader's problems, and the fix descriptions. Wording changes happen here only; the checks pass in the facts.
 * Browser compatible, no side effects.
 */
import { codePointLabel } from './chars.ts';
import { defaultProfilePath, type Placement } from './rules.ts';

/** Characters a reader cannot see or that would break a report's line: shown as their code point. */
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Quotes a key or value for a message, readably: as written (no JSON escaping, so `C:\p\X.apip` stays one
 * backslash per backslash), invisible and control characters named (`[U+200B]`), in `"…"` or, when the text
 * holds a `"`, in `'…'`; shortened so a 1 MB value does not become a 1 MB message.
 */
export function shown(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  const readable = short.replace(UNSEEN, (c) => `[${codePointLabel(c.charCodeAt(0))}]`);
  const quote = readable.includes('"') && !readable.includes("'") ? "'" : '"';
  return `${quote}${readable}${quote}`;
}

/** What a report shows instead of a secret value (the same as `redact` writes). */
export const MASK = '********';

/**
 * A value as a report shows it: quoted and shortened, or `********` when it is a secret (which values are is
 * secrets.ts's rule). Messages that show a value a user wrote take this type, so no raw value can reach a report
 * without that decision.
 */
export type ShownValue = string & { readonly __shownValue: true };

export function showValue(value: string, secret: boolean): ShownValue {
  return (secret ? MASK : shown(value)) as ShownValue;
}

/** `A`, `A or B`, `A, B or C`. */
export function orList(values: readonly string[]): string {
  const unique = [...new Set(values)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Problem messages of the grammar alone (parse.ts), one sentence each. */
export const parseMessages = {
  controlStartsProperty: (code: number) => `The control character ${codePointLabel(code)} cannot start a property; remove it.`,
  textAfterNul: () => 'A NUL character (U+0000) may only pad the end of the string, but text follows it; remove the NUL.',
  controlStartsValue: (key: string, code: number) =>
    `The value of ${shown(key)} starts with the control character ${codePointLabel(code)}; remove it, or quote the value if it belongs there.`,
  missingEquals: (key: string) => `${shown(key)} has no "=" after it; add "=" and a value, or remove it.`,
  controlInName: (code: number) => `The control character ${codePointLabel(code)} is not allowed in a property name; remove it.`,
  emptyKey: () => 'A "=" appears where a property name was expected; write the name before it, or remove it.',
  /** `firstPart`: the text before the `;`, which has no `=` of its own. */
  semicolonInKey: (key: string, firstPart: string) =>
    `The name ${shown(key)} contains ";" because ${shown(firstPart)} has no "=" of its own; add "=value" after ${shown(firstPart)} if you meant two properties.`,
  whitespaceControlInKey: (key: string) => `The name ${shown(key)} contains a tab or line break, which the parser keeps but the driver's builder rejects; remove it.`,
  nulInValue: (key: string) => `The value of ${shown(key)} contains a NUL character (U+0000), which no quoting allows; remove it.`,
  unterminatedQuote: (key: string, quote: '"' | "'") =>
    `The value of ${shown(key)} opens a ${quote} quote that is never closed; add the closing ${quote} (write ${quote}${quote} for a ${quote} inside the value).`,
  textAfterQuote: (key: string, quote: '"' | "'") =>
    `Text follows the closing quote of the value of ${shown(key)}; move it inside the quotes (doubling any ${quote} in it) or put ";" before it.`,
  // The parser does not know which values are secret, so neither this message nor its fix shows the value.
  unquotedValueEndsWithQuote: (key: string) =>
    `The unquoted value of ${shown(key)} ends with a quote character, which the driver rejects; quote the whole value (doubling that quote if needed).`,
  lineBreakInValue: (key: string) => `The value of ${shown(key)} contains a line break; if a ";" is missing before the next property, add it, otherwise quote the value.`,
  controlInUnquotedValue: (key: string, code: number) =>
    `The control character ${codePointLabel(code)} is not allowed in an unquoted value; remove it, or quote the value of ${shown(key)}.`,
  /** `previous`: the key of an earlier occurrence with a value, which this one removes. */
  nullValue: (key: string, previous: string | undefined) =>
    previous !== undefined
      ? `${shown(key + '=')} has no value, so it removes the earlier ${shown(previous)}; delete both, or give it a value.`
      : `${shown(key + '=')} has no value, so the driver ignores it; add a value, or write ${key}='' for an empty string.`,
  duplicateKey: (key: string) => `${shown(key)} is set more than once and the last value wins; remove the earlier one.`,
  /** A problem found inside a nested list (ProfileSettings) says where. */
  nested: (outerKey: string, message: string) => `In ${outerKey}: ${message}`,
};

/** Where a stray `;` is, for `pasteMessages.straySeparator`. */
export type SeparatorPlace = 'at the start' | 'between two properties' | 'at the end';

/** Problem messages of pasting damage (damage.ts), one sentence each. */
export const pasteMessages = {
  /** `codes`: the characters found, as U+XXXX labels. */
  invisibleCharacter: (codes: readonly string[]) =>
    `An invisible character (${codes.join(', ')}) came with the paste; it becomes part of the name or value, so remove it.`,
  nonbreakingSpace: () => 'A non-breaking space came with the paste (word processors insert them); replace it with a normal space or remove it.',
  straySeparator: (where: SeparatorPlace) => `An extra ";" ${where} makes an empty entry; the driver skips it, so it can go.`,
  leadingWhitespace: () => 'The string starts with whitespace or a line break; the driver ignores it, but some tools keep it, so trim it.',
  trailingWhitespace: () => 'The string ends with whitespace or a line break; the driver ignores it, but some tools keep it, so trim it.',
  /** `close`: the character that closes the value, when one does. */
  curlyQuote: (open: string, close: string | undefined) =>
    close !== undefined
      ? `This value is wrapped in curly quotes (${open}…${close}), which the driver reads as part of the value; use straight quotes.`
      : `This value starts with a curly quote (${open}), which the driver reads as part of the value; use a straight quote, or remove it.`,
  /** `moved`: the keys (as written) that land at the top level because the list is not quoted. */
  unquotedProfileSettings: (moved: readonly string[]) =>
    moved.length > 0
      ? `ProfileSettings is not quoted, so its list ends at the first ";" and ${moved.map((k) => shown(k)).join(', ')} after it ${moved.length === 1 ? 'lands' : 'land'} at the top level; quote the whole list.`
      : `ProfileSettings is not quoted; it works for one setting, but quote it as ProfileSettings='…' so more can follow.`,
  /**
   * An unterminated quote that the other quote character closes: the parser's message up to its advice (the first
   * `;`), then this case's own advice.
   */
  mismatchedQuote: (unterminated: string, other: '"' | "'") => `${unterminated.replace(/;.*$/, '')}, but a ${other} closes it; use the same quote character at both ends.`,
};

/**
 * Problem messages of the validator (validate/), by problem code (one sentence each). A value the user wrote comes
 * in as a `ShownValue` (quoted, or `********` for a secret: see secrets.ts); names and documented values come in as
 * they are.
 */
export const messages = {
  noncanonicalName: (key: string, name: string, viaAlias: boolean) =>
    `${shown(key)} works because names ignore case${viaAlias ? ' and it is an old alias' : ''}, but the documented spelling is ${name}.`,
  sensitive: (name: string) => `${name} is a secret; mask it on screen and do not share this string.`,
  duplicateProperty: (name: string, first: string, second: string) =>
    `${name} is set twice, as ${shown(first)} and ${shown(second)}; keep only one of them.`,
  unknownProperty: (key: string, level: Placement, service: string, suggestion: string | undefined) => {
    const what = level === 'top' ? `a property the ${service} connection accepts` : `a setting of the ${service} profile`;
    return suggestion ? `${shown(key)} is not ${what}; did you mean ${suggestion}?` : `${shown(key)} is not ${what}; check the spelling or remove it.`;
  },
  wrongLevel: (name: string, placement: Placement, ownSetting: boolean) =>
    placement === 'profileSettings'
      ? `${name} is a profile setting, so the driver ignores it at the top level; move it into ProfileSettings='${name}=…'.`
      : ownSetting
        ? `${name} goes at the top level of the string for this service, where its vendor's example writes it; move it out of ProfileSettings.`
        : `${name} is a driver property, so the profile ignores it inside ProfileSettings; move it to the top level of the string.`,
  placeholderValue: (value: ShownValue, name: string) => `${value} looks like a placeholder from an example; replace it with your real ${name}.`,
  notInBuild: (name: string, value: string | undefined, build: string, fact: { addedIn?: string | undefined; removedIn?: string | undefined }) => {
    const what = value === undefined ? name : `${name}=${value}`;
    const when = fact.addedIn ? `it was added in build ${fact.addedIn}` : `build ${fact.removedIn} removed it`;
    return `Build ${build} of the driver does not list ${what}; ${when}. Use a value this build lists, or check the string against the build you run.`;
  },
  enumCasing: (name: string, value: string, same: string) => `${name}=${value} works because values ignore case, but the documented spelling is ${same}.`,
  invalidEnumValue: (name: string, value: ShownValue, allowed: readonly string[], guess: string | undefined) => {
    const list = allowed.join(', ');
    return guess ? `${name} cannot be ${value}; did you mean ${guess} (allowed: ${list})?` : `${name} cannot be ${value}; use one of ${list}.`;
  },
  invalidBoolean: (name: string, value: ShownValue, meant: string | undefined) => `${name} must be true or false, not ${value}${meant ? `; write ${meant}` : ''}.`,
  invalidInteger: (name: string, example: string, value: ShownValue) => `${name} must be a whole number such as ${example}, not ${value}.`,
  invalidUrl: (name: string, value: ShownValue) => `${name} must be an absolute URL such as http://localhost:3333, not ${value}.`,
  missingProfile: (service: string, profileFile: string) =>
    `The string has no Profile; add Profile=<folder>\\${profileFile}, the path of the ${service} profile file.`,
  invalidProfilePath: (profileFile: string, value: ShownValue) => `Profile must be the path of a .apip file such as ${defaultProfilePath({ profileFile })}, not ${value}.`,
  wrongProfile: (file: ShownValue, service: string, profileFile: string) =>
    `Profile points to ${file}, but the ${service} profile is ${profileFile}; change the file name.`,
  /** A Profile naming a file that is not a misspelling of this service's: the string is likely for another service. */
  otherProfile: (file: ShownValue, service: string, profileFile: string) =>
    `Profile points to ${file}, not the ${service} profile (${profileFile}), so this string is likely for another service; check it against that service, or change the file name if it really is for ${service}.`,
  undocumentedAuthScheme: (value: string, service: string, documented: readonly string[]) =>
    `AuthScheme=${value} is accepted by the driver, but no documented ${service} method uses it; use ${orList(documented)}.`,
  missingAuthScheme: (service: string, documented: readonly string[]) =>
    `${service} has no default sign-in method, so AuthScheme is needed; add AuthScheme=${orList(documented)}.`,
  missingRequired: (method: string, property: string, value: string | undefined, placement: Placement | undefined) =>
    `The ${method} method needs ${value !== undefined ? `${property}=${value}` : property}; add it ${placement === 'profileSettings' ? 'inside ProfileSettings' : 'at the top level'}.`,
  emptyRequired: (method: string, property: string) => `The ${method} method needs a value for ${property}, but it is empty; fill it in.`,
  requiredValue: (method: string, property: string, value: string, written: ShownValue) => `The ${method} method needs ${property}=${value}, not ${written}; change it.`,
  recommendedValue: (method: string, property: string, value: string, written: ShownValue) =>
    `The ${method} method usually sets ${property}=${value} (here ${written}); keep this value only if you mean to.`,
  remotePath: (name: string, kind: 'network share' | 'URL', host: string) =>
    `${name} points to a ${kind} on ${shown(host)}, another machine: the driver would ${remoteEffect(name)} there; use a path on this computer unless you trust that machine.`,
  /** Text after a secret's unquoted value and a `;`: likely the rest of the secret, so it is not shown. */
  secretContinues: (name: string) =>
    `The text after the ";" that ends the ${name} value has no "=" of its own, so it is probably part of the ${name}; quote the whole value (${name}='…').`,
  ignoredByMethod: (method: string, name: string, other: string) =>
    `The ${method} method does not use ${name}, so the driver ignores it; remove it, or switch to the ${other} method.`,
};

/** What the driver does with a file setting, for the remote-path warning (why another machine matters). */
function remoteEffect(name: string): string {
  switch (name) {
    case 'Profile':
      return 'load the profile, which decides where your credentials are sent, from';
    case 'OAuthSettingsLocation':
      return 'store your OAuth tokens';
    case 'Logfile':
      return 'write its log, which can include connection details,';
    default:
      return `read or write the ${name} file`;
  }
}

/** Fix descriptions (what the one-click fix does). */
export const fixTexts = {
  closeQuote: () => 'Close the quote at the end.',
  quoteValue: (key: string) => `Quote the value of ${shown(key)}.`,
  removeInvisible: () => 'Remove the invisible character.',
  normalSpace: () => 'Replace it with a normal space.',
  removeSeparator: () => 'Remove the extra ";".',
  removeLeadingWhitespace: () => 'Remove the leading whitespace.',
  removeTrailingWhitespace: () => 'Remove the trailing whitespace.',
  straightQuotes: (quote: string) => `Replace the curly quotes with straight ${quote} quotes.`,
  /** `moved`: the keys the quoted list takes in. */
  quoteList: (moved: readonly string[]) => (moved.length > 0 ? `Quote the list, taking in ${moved.join(', ')}.` : 'Quote the list.'),
  closeWith: (quote: string, other: string) => `Close the value with ${quote} instead of ${other}.`,
  addSeparator: (key: string) => `Add the missing ";" before ${key}.`,
  joinName: (name: string) => `Join the name: ${name}.`,
  /** `value`: the earlier value, when it differs from the later one (the one in effect); `null` when it is a secret (the name alone). */
  removeEarlier: (key: string, value: string | null | undefined) =>
    value === undefined
      ? `Remove the repeated ${key}.`
      : `Remove the earlier ${key}${value === null ? '' : `=${shown(value, 24)}`} (the later value is the one used).`,
  rename: (name: string) => `Rename to ${name}.`,
  /** `renamed`: the key is also respelled to `name` (a did-you-mean on the other level). */
  moveInto: (name: string, renamed: boolean) => `${renamed ? `Rename to ${name} and move it` : `Move ${name}`} into ProfileSettings.`,
  moveOut: (name: string, renamed: boolean) => `${renamed ? `Rename to ${name} and move it` : `Move ${name}`} out of ProfileSettings to the top level.`,
  write: (value: string) => `Write ${value}.`,
  changeTo: (value: string) => `Change it to ${value}.`,
  addProfile: (path: string) => `Add Profile=${path} (change the folder to where the file is).`,
  pointProfile: (profileFile: string) => `Point Profile at ${profileFile}.`,
  add: (property: string, value: string) => `Add ${property}=${value}.`,
  set: (property: string, value: string) => `Set ${property}=${value}.`,
  remove: (name: string) => `Remove ${name}.`,
};

/** Why a string's service could not be told (`recognizeService`), each with its sentence below. */
export type UnrecognizedReason = 'no-profile' | 'not-a-profile-path' | 'damaged-profile' | 'unknown-profile';

/**
 * Why the service of a string could not be told (`recognizeService`): one sentence the CLI and the builder
 * show before asking for the service.
 */
export function unrecognizedMessage(recognition: { reason: UnrecognizedReason; file?: ShownValue }): string {
  switch (recognition.reason) {
    case 'no-profile':
      return 'The string has no Profile, so it does not say which service it is for.';
    case 'not-a-profile-path':
      return 'The Profile is not the path of a .apip file, so it does not say which service the string is for.';
    case 'damaged-profile':
      return 'The Profile cannot be read (pasting broke its quotes or added an invisible character), so it does not say which service the string is for.';
    case 'unknown-profile':
      return `The Profile names ${recognition.file ?? 'a file'}, which is not the profile file of any service here.`;
  }
}
