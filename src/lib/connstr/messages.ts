/**
 * Every text the engine shows a user, in one table: the messages of the parser's, the validator's and the paste
 * reader's problems, and the fix descriptions. Wording changes happen here only; the checks pass in the facts.
 * Browser compatible, no side effects.
 */
import { codePointLabel } from './chars.ts';
import { defaultProfilePath, type Placement } from './rules.ts';

/** Quotes a key or value for a message, shortened so a 1 MB value does not become a 1 MB message. */
export function shown(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(short);
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
  /** `fixed`: the value quoted as it should be written (named only when short). */
  unquotedValueEndsWithQuote: (key: string, fixed: string) =>
    `The unquoted value of ${shown(key)} ends with a quote character, which the driver rejects; write it as ${fixed.length > 60 ? 'a quoted value' : fixed} instead.`,
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

/** Problem messages of the validator (validate/), by problem code (one sentence each). */
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
  wrongLevel: (name: string, placement: Placement) =>
    placement === 'profileSettings'
      ? `${name} is a profile setting, so the driver ignores it at the top level; move it into ProfileSettings='${name}=…'.`
      : `${name} is a driver property, so the profile ignores it inside ProfileSettings; move it to the top level of the string.`,
  placeholderValue: (value: string, name: string) => `${shown(value)} looks like a placeholder from an example; replace it with your real ${name}.`,
  enumCasing: (name: string, value: string, same: string) => `${name}=${value} works because values ignore case, but the documented spelling is ${same}.`,
  invalidEnumValue: (name: string, value: string, allowed: readonly string[], guess: string | undefined) => {
    const list = allowed.join(', ');
    return guess ? `${name} cannot be ${shown(value)}; did you mean ${guess} (allowed: ${list})?` : `${name} cannot be ${shown(value)}; use one of ${list}.`;
  },
  invalidBoolean: (name: string, value: string, meant: string | undefined) => `${name} must be true or false, not ${shown(value)}${meant ? `; write ${meant}` : ''}.`,
  invalidInteger: (name: string, example: string, value: string) => `${name} must be a whole number such as ${example}, not ${shown(value)}.`,
  invalidUrl: (name: string, value: string) => `${name} must be an absolute URL such as http://localhost:3333, not ${shown(value)}.`,
  missingProfile: (service: string, profileFile: string) =>
    `The string has no Profile; add Profile=<folder>\\${profileFile}, the path of the ${service} profile file.`,
  invalidProfilePath: (profileFile: string, value: string) => `Profile must be the path of a .apip file such as ${defaultProfilePath({ profileFile })}, not ${shown(value)}.`,
  wrongProfile: (file: string, service: string, profileFile: string) =>
    `Profile points to ${shown(file)}, but the ${service} profile is ${profileFile}; change the file name.`,
  undocumentedAuthScheme: (value: string, service: string, documented: readonly string[]) =>
    `AuthScheme=${value} is accepted by the driver, but no documented ${service} method uses it; use ${orList(documented)}.`,
  missingAuthScheme: (service: string, documented: readonly string[]) =>
    `${service} has no default sign-in method, so AuthScheme is needed; add AuthScheme=${orList(documented)}.`,
  missingRequired: (method: string, property: string, value: string | undefined, placement: Placement | undefined) =>
    `The ${method} method needs ${value !== undefined ? `${property}=${value}` : property}; add it ${placement === 'profileSettings' ? 'inside ProfileSettings' : 'at the top level'}.`,
  emptyRequired: (method: string, property: string) => `The ${method} method needs a value for ${property}, but it is empty; fill it in.`,
  requiredValue: (method: string, property: string, value: string, written: string) => `The ${method} method needs ${property}=${value}, not ${shown(written)}; change it.`,
  recommendedValue: (method: string, property: string, value: string, written: string) =>
    `The ${method} method usually sets ${property}=${value} (here ${shown(written)}); keep this value only if you mean to.`,
  ignoredByMethod: (method: string, name: string, other: string) =>
    `The ${method} method does not use ${name}, so the driver ignores it; remove it, or switch to the ${other} method.`,
};

/** Fix descriptions (what the one-click fix does). */
export const fixTexts = {
  closeQuote: () => 'Close the quote at the end.',
  /** `fixed`: the quoted value (named only when short). */
  quoteValue: (fixed: string) => `Quote the value: ${fixed.length > 60 ? 'wrap it in quotes' : fixed}.`,
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
  /** `value`: the earlier value, when it differs from the later one (the one in effect). */
  removeEarlier: (key: string, value: string | undefined) =>
    value === undefined ? `Remove the repeated ${key}.` : `Remove the earlier ${key}=${shown(value, 24)} (the later value is the one used).`,
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
