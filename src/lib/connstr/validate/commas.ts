/**
 * A ProfileSettings list written with "," between its settings (`ProfileSettings='APIKey=k,TenantId=1'`), as a
 * third-party guide tells users to: the profile reads one setting whose value runs on past the comma. Browser
 * compatible, no side effects.
 */
import { lookupProperty } from '../service.ts';
import type { Context } from './context.ts';
import { fixTexts, messages } from '../messages.ts';

/** A "," followed by what reads as the next setting's name and its "=". */
const COMMA_BEFORE_SETTING = /,[ \t]*([A-Za-z][A-Za-z0-9_]*)[ \t]*=/g;

/** Each unquoted value inside ProfileSettings is read once: its own commas that start another setting. */
export function checkCommaSeparated(ctx: Context): void {
  const scope = ctx.profileSettings?.scope;
  if (!scope?.nested || ctx.profileSettings?.entry.invalid) return;
  for (const entry of scope.entries) {
    if (entry.value === null || entry.quoted !== null || entry.invalid) continue;
    const raw = ctx.text.slice(entry.innerSpan.start, entry.innerSpan.end);
    const matches = [...raw.matchAll(COMMA_BEFORE_SETTING)];
    if (matches.length === 0) continue;
    const commas = matches.map((m) => entry.innerSpan.start + m.index);
    // The settings hidden in the value are there once the commas are ";": not also "missing".
    for (const m of matches) {
      const hidden = lookupProperty(ctx.service, m[1]!)?.property.name;
      if (hidden !== undefined) ctx.suggested.add(hidden);
    }
    const name = lookupProperty(ctx.service, entry.key)?.property.name ?? entry.key;
    ctx.add(
      {
        code: 'comma-separated-settings',
        severity: 'warning',
        message: messages.commaSeparatedSettings(name),
        span: entry.valueSpan,
        property: name,
        // The edits are in the outer text already: a ";" needs no escaping inside either quote.
        fix: { description: fixTexts.semicolons(), edits: commas.map((at) => ({ start: at, end: at + 1, text: ';' })) },
      },
      scope,
    );
  }
}
