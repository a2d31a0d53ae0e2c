/**
 * Which service a pasted string is for, read from the file name its Profile points to (`…\Intercom.apip`), or
 * why it cannot be told. The one answer for the CLI and the builder: neither guesses a service when this gives
 * none. Pasting damage does not hide the Profile (curly or broken quotes, invisible characters, a bare file name
 * in any case), since fixing that damage will not change the file it names. Browser compatible, no side effects.
 */
import { foldKey } from './chars.ts';
import { expectString } from './guard.ts';
import { readPasted } from './forms/readers.ts';
import { showValue, type ShownValue, type UnrecognizedReason } from './messages.ts';
import { parseAny } from './parse.ts';
import { profilePathParts } from './rules.ts';
import { holdsSecret } from './secrets.ts';
import type { Entry } from './types.ts';

export type { UnrecognizedReason } from './messages.ts';

export type Recognition<S> =
  | { service: S; reason?: undefined }
  | { service?: undefined; reason: Exclude<UnrecognizedReason, 'unknown-profile'> }
  /** `file`: the file name the Profile names, as a report may show it. */
  | { service?: undefined; reason: 'unknown-profile'; file: ShownValue };

/** Characters a copy brings along that nobody means: removed before the name is read. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Quotes of any kind (straight and typographic), which may wrap the path or be left over from broken quoting. */
const QUOTES = `"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f`;
const EDGE_QUOTES = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, 'g');
const DAMAGE = new RegExp(`[${QUOTES.slice(2)}\\u200b-\\u200d\\u2060\\ufeff\\u00ad\\u00a0\\u202f\\u2007]`);

/** The key as meant: invisible characters and non-breaking spaces from a paste dropped. */
const cleanKey = (key: string) => foldKey(key.replace(INVISIBLE, '').replace(/[\u00a0\u202f\u2007]/g, ' ').trim());

/** What the Profile of a string names: the `.apip` file (when it can be read), or why there is none. */
export type ProfileReading =
  | { file: string; key: string; value: string }
  | { file?: undefined; reason: Exclude<UnrecognizedReason, 'unknown-profile'> };

/**
 * The profile file a pasted string's Profile names, read through pasting damage, or why none can be read. Reads
 * every pasted form the Validate tab reads (C#, JDBC…).
 */
export function readProfileFile(text: string): ProfileReading {
  expectString('readProfileFile(text)', 'text', text);
  const entries = parseAny(readPasted(text).text).entries;
  // The Profile the driver would read: the last one written, unless a later `Profile=` (no value) removed it.
  let profile: Entry | undefined;
  for (const entry of entries) if (cleanKey(entry.key) === 'profile') profile = entry.value === null ? undefined : entry;
  if (!profile) return { reason: 'no-profile' };
  const value = profile.value!;
  const damaged = profile.invalid === true || DAMAGE.test(value) || DAMAGE.test(profile.key);
  let path = value.replace(INVISIBLE, '').replace(EDGE_QUOTES, '');
  // A value recovered from broken quoting may have run on into the next pairs: the path ends at the first `;`.
  if (damaged) path = path.split(';', 1)[0]!.replace(EDGE_QUOTES, '');
  const file = profilePathParts(path).file.replace(EDGE_QUOTES, '');
  if (!/\.apip$/i.test(file)) return { reason: damaged ? 'damaged-profile' : 'not-a-profile-path' };
  return { file, key: profile.key, value };
}

/**
 * The service whose `profileFile` the string's Profile names (ignoring case, any folder or none), or the reason
 * none is named: no Profile, a Profile that is not a `.apip` path, one that pasting damaged beyond reading, or
 * a file no given service uses.
 */
export function recognizeService<S extends { readonly profileFile: string }>(text: string, services: readonly S[]): Recognition<S> {
  expectString('recognizeService(text, services)', 'text', text);
  const profile = readProfileFile(text);
  if (profile.file === undefined) return { reason: profile.reason };
  const service = services.find((s) => foldKey(s.profileFile) === foldKey(profile.file));
  return service ? { service } : { reason: 'unknown-profile', file: showValue(profile.file, holdsSecret(profile.key, profile.value)) };
}
