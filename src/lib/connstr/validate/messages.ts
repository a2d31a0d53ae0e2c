/**
 * Every text the validator shows a user, in one table: the problem messages and the fix descriptions.
 * Wording changes happen here only; the checks pass in the facts. Browser compatible, no side effects.
 */
import { shown } from '../parse.ts';
import { defaultProfilePath, type Placement } from '../rules.ts';

/** `A`, `A or B`, `A, B or C`. */
export function orList(values: readonly string[]): string {
  const unique = [...new Set(values)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Problem messages, by problem code (one sentence each). */
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
  wrongLevel: (name: string, placement: Placement, ownSetting: boolean) =>
    placement === 'profileSettings'
      ? `${name} is a profile setting, so the driver ignores it at the top level; move it into ProfileSettings='${name}=…'.`
      : ownSetting
        ? `${name} goes at the top level of the string for this service, where its vendor's example writes it; move it out of ProfileSettings.`
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
