/**
 * Every finding code the engine reports, with a one-line title: what a rule is called where findings are grouped
 * by code (the CLI's SARIF rules, the MCP server's findings, a troubleshooting page's heading). The record is typed
 * by `ProblemCode`, so a new code cannot be added without its title. Browser compatible, no side effects.
 */
import type { ProblemCode } from './types.ts';

export const problemTitles: Readonly<Record<ProblemCode, string>> = {
  // The grammar: the driver cannot read the string as written.
  'missing-equals': 'A setting has no "=" between its name and value',
  'empty-key': 'A value is written without a name',
  'unterminated-quote': 'A quoted value is never closed',
  'text-after-quote': 'Text follows the closing quote of a value',
  'control-character': 'A control character is in the string',
  'unquoted-value-ends-with-quote': 'An unquoted value ends with a quote character',
  'nul-in-value': 'A value holds a NUL character',
  'text-after-nul': 'Text follows a NUL character',
  'duplicate-key': 'A name is set more than once',
  'null-value': 'A name is written with nothing after "="',
  'semicolon-in-key': 'A name holds a ";" (probably the rest of the previous value)',
  'whitespace-control-in-key': 'A name holds a line break or tab',
  'line-break-in-value': 'A value holds a line break',
  // The service: what its driver accepts.
  'unknown-property': 'The service does not document this property',
  'noncanonical-name': 'A property is spelt in another case than documented',
  'duplicate-property': 'A property is set twice, under two names',
  'wrong-level': 'A property is at the wrong level (top level or inside ProfileSettings)',
  'enum-casing': 'A value is written in another case than documented',
  'invalid-enum-value': 'A value is not one of the allowed values',
  'invalid-boolean': 'A value is not true or false',
  'invalid-integer': 'A value is not a whole number',
  'invalid-url': 'A value is not an absolute URL',
  'invalid-profile-path': 'The Profile is not a path to a .apip file',
  'wrong-profile': 'The Profile names another service’s file',
  'missing-profile': 'No Profile is set',
  'missing-auth-scheme': 'No AuthScheme selects the method the string is written for',
  'undocumented-auth-scheme': 'The AuthScheme is not one the service documents',
  'missing-required': 'A property the method requires is missing',
  'required-value': 'A property must have a particular value for this method',
  'recommended-value': 'A property has another value than the one recommended',
  'ignored-by-method': 'The chosen method ignores this property',
  'placeholder-value': 'A value looks like a placeholder left in',
  'remote-path': 'A file setting points to another machine',
  'not-in-build': 'The chosen driver build does not list this property or value (another build added or removed it)',
  sensitive: 'The string holds a secret',
  'deprecated-property': 'A property current builds no longer document',
  'token-prefix': 'A token is pasted with its "Bearer " or "Bot " prefix',
  'alternate-form': 'A setting is written in a form the service page documents differently',
  // Pasting damage: what chats, mail and word processors do to a string.
  'curly-quote': 'Curly quotes where straight quotes belong',
  'mismatched-quote': 'A value opens and closes with different quotes',
  'invisible-character': 'An invisible character is in the string',
  'nonbreaking-space': 'A non-breaking space is in the string',
  'unquoted-profile-settings': 'ProfileSettings holds several settings but is not quoted',
  'stray-separator': 'An extra ";" is in the string',
  'surrounding-whitespace': 'Spaces or line breaks surround the string',
  'comma-separated-settings': 'ProfileSettings separates its settings with "," instead of ";"',
};

/** Every code, in the order of the table. */
export const problemCodes = Object.keys(problemTitles) as ProblemCode[];


/**
 * The codes of findings the engine's callers report themselves (the CLI and the MCP server): a string whose service
 * cannot be told from its Profile, so it is not checked at all (`recognizeService`'s answer, reported as a finding),
 * and a build its service does not document, so it is checked against the newest instead.
 */
export const toolTitles = {
  'unknown-service': 'The string does not name a known service’s profile',
  'unknown-build': 'The service is not documented for the driver build asked for',
} as const satisfies Record<string, string>;

export type ToolCode = keyof typeof toolTitles;
/** Every code a finding can carry, wherever it is reported: the engine's and its callers' own. */
export type FindingCode = ProblemCode | ToolCode;

// Marked pure so a bundle that uses neither table (the builder, the checker worker) drops both.
export const findingTitles: Readonly<Record<FindingCode, string>> = /* @__PURE__ */ (() => ({ ...problemTitles, ...toolTitles }))();
/** Every finding code: the engine's in the order of its table, then the callers' own. Each has a troubleshooting page. */
export const findingCodes = /* @__PURE__ */ Object.keys(findingTitles) as FindingCode[];
