/**
 * The Profile check: present, the path of a `.apip` file, and this service's file. Browser compatible, no
 * side effects.
 */
import { foldKey } from '../chars.ts';
import { closestName } from '../names.ts';
import { quoteValue, serialize } from '../serialize.ts';
import { defaultProfilePath, profilePathParts } from '../rules.ts';
import { lookupProperty } from '../service.ts';
import type { Context } from './context.ts';
import { appendTop, replaceValue } from './fixes.ts';
import { fixTexts, messages } from '../messages.ts';
import { PLACEHOLDER } from './values.ts';

/** Profile: present, a `.apip` path, and this service's file. */
export function checkProfile(ctx: Context): void {
  const { service } = ctx;
  const profile = ctx.present.get('Profile')?.[0];
  if (!profile) return missingProfile(ctx);
  const { value, entry } = profile.pair;
  if (PLACEHOLDER.test(value.trim())) return;
  const { folder, file } = profilePathParts(value);
  if (!/\.apip$/i.test(file)) {
    ctx.add(
      { code: 'invalid-profile-path', severity: 'error', message: messages.invalidProfilePath(service.profileFile, ctx.show(entry.key, value)), span: entry.valueSpan, property: 'Profile' },
      profile.scope,
    );
    return;
  }
  if (foldKey(file) !== foldKey(service.profileFile)) {
    // Re-pointing the Profile changes which service the string is for. That is a repair only for a misspelling
    // of this service's file (`Intercomm.apip`); another file name (`AirCall.apip`) most likely means the string
    // is for another service, and checking it against this one was the mistake: no fix then.
    const stem = (name: string) => name.replace(/\.apip$/i, '');
    const misspelt = closestName(stem(file), [stem(service.profileFile)]) !== undefined;
    const shownFile = ctx.show(entry.key, file);
    ctx.add(
      {
        code: 'wrong-profile',
        severity: 'error',
        message: misspelt ? messages.wrongProfile(shownFile, service.label, service.profileFile) : messages.otherProfile(shownFile, service.label, service.profileFile),
        span: entry.valueSpan,
        property: 'Profile',
        ...(misspelt
          ? { fix: { description: fixTexts.pointProfile(service.profileFile), edits: replaceValue(profile.scope, entry, folder + service.profileFile) } }
          : {}),
      },
      profile.scope,
    );
  }
}

function missingProfile(ctx: Context): void {
  const { service } = ctx;
  const guess = defaultProfilePath(service);
  const pairText = serialize([['Profile', guess]]);
  const first = ctx.top.entries[0];
  // A `Profile=` without a value removes any Profile before it, so an added pair must not precede it:
  // the path goes into that (last) empty entry instead.
  const emptyProfile = ctx.top.entries.findLast((entry) => lookupProperty(service, entry.key)?.property.name === 'Profile');
  const edit = emptyProfile
    ? { ...emptyProfile.valueSpan, text: quoteValue(guess) }
    : first
      ? { start: first.span.start, end: first.span.start, text: `${pairText};` }
      : appendTop(ctx, pairText)[0]!;
  ctx.add({
    code: 'missing-profile',
    severity: 'error',
    message: messages.missingProfile(service.label, service.profileFile),
    span: { start: edit.start, end: edit.start },
    property: 'Profile',
    fix: { description: fixTexts.addProfile(guess), edits: [edit] },
  });
}
