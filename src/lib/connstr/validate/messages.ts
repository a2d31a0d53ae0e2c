/**
 * Every text the validator shows a user, in one table: the problem messages and the fix descriptions.
 * Wording changes happen here only; the checks pass in the facts. Browser compatible, no side effects.
 */
import { shown } from '../parse.ts';
import { defaultProfilePath, type Placement } from '../rules.ts';
import type { UnrecognizedReason } from '../recognize.ts';
import type { ShownValue } from '../secrets.ts';

/** `A`, `A or B`, `A, B or C`. */
export function orList(values: readonly string[]): string {
  const unique = [...new Set(values)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/**
 * Problem messages, by problem code (one sentence each). A value the user wrote comes in as a `ShownValue`
 * (quoted, or `********` for a secret: see ../secrets.ts); names and documented values come in as they are.
 */
export const messages = {
  noncanonicalName: (key: string, name: string, viaAlias: boolean) =>
    `${shown(key)} works because names ignore case${viaAlias ? ' and it is an old alias' : ''}, but the documented spelling is ${name}.`,
  sensitive: (name: string) => `${name} is a secret; mask it on screen and do not share this string.`,
  duplicateProperty: (name: string, first: string, second: string) =>
    `${name} is set twice, as ${shown(first)} and ${shown(second)}; keep only one of them.`,
  unknownProperty: (key: string, level: 'top' | 'profileSettings', service: string, suggestion: string | undefined) => {
    const what = level === 'top' ? `a property the ${service} connection accepts` : `a setting of the ${service} profile`;
    return suggestion ? `${shown(key)} is not ${what}; did you mean ${suggestion}?` : `${shown(key)} is not ${what}; check the spelling or remove it.`;
  },
  wrongLevel: (name: string, placement: Placement) =>
    placement === 'profileSettings'
      ? `${name} is a profile setting, so the driver ignores it at the top level; move it into ProfileSettings='${name}=…'.`
      : `${name} is a driver property, so the profile ignores it inside ProfileSettings; move it to the top level of the string.`,
  placeholderValue: (value: ShownValue, name: string) => `${value} looks like a placeholder from an example; replace it with your real ${name}.`,
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
