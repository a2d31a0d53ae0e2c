/**
 * The connection-string engine: parse, understand, validate, canonicalize and write connection strings
 * for the API data provider, following .NET's `DbConnectionOptions` default grammar.
 * Browser compatible, no side effects: no DOM, no framework, no I/O; runs in the browser, Node and the build.
 *
 * @see /reference/connection-string-grammar (copied into tests/fixtures/connstr as test data)
 */
export type {
  Entry,
  Fix,
  NestedParseResult,
  Pair,
  ParseResult,
  Problem,
  ProblemCode,
  QuoteChar,
  Severity,
  Span,
  TextEdit,
} from './types.ts';
export { foldKey } from './chars.ts';
export { parse, parseAny, type ParseOptions } from './parse.ts';
export { effectivePairs, type EffectivePair } from './pairs.ts';
export {
  InvalidKeyError,
  InvalidValueError,
  encodeKey,
  keyProblem,
  quoteNestedValue,
  quoteValue,
  serialize,
} from './serialize.ts';
export { applyEdits } from './edits.ts';
export { validate, type ValidateOptions } from './validate/validate.ts';
export { canonicalOrder, canonicalPairs, canonicalize } from './canonicalize.ts';
export { lookupProperty, resolveMethod, selectMethod, type PropertyMatch } from './service.ts';
export { closestName, editDistance } from './names.ts';
export {
  defaultProfilePath,
  placements,
  profilePathParts,
  propertyKinds,
  type MethodRule,
  type Placement,
  type PropertyKind,
  type PropertyRule,
  type RequirementRule,
  type ServiceRules,
  type BuildFactRule,
  type BuildRule,
} from './rules.ts';
export { forms, formById, type FormId, type StringForm } from './forms/forms.ts';
export { readers, readPasted, type Reader, type Reading } from './forms/readers.ts';
export { toCSharp, toJava, toPython } from './forms/code.ts';
export { toJdbcUrl, type JdbcPrefix } from './forms/jdbc.ts';
export { toOdbc, type OdbcForm } from './forms/odbc.ts';
export { csharpString, javaString, pythonString, type LiteralOptions } from './forms/literals.ts';
export { toPastedSpan, type Unwrapped } from './forms/reading.ts';
export type { PairsOrString } from './forms/input.ts';
export { envAssignments, envName, expandAssignment, toEnv, type EnvAssignment, type EnvOptions } from './forms/env.ts';
export { jsonStrings, toAppSettings, type AppSettingsOptions, type JsonString } from './forms/appsettings.ts';
export { checkPasted, fixAll, nextSafeFix, safeFixCodes, type FixAllResult, type PastedCheck } from './pasted.ts';
export { carriesCredential, holdsSecret, looksLikeSecretName, maskSecrets, secretSpans, type SecretRules } from './secrets.ts';
export { MASK, showValue, unrecognizedMessage, type ShownValue, type UnrecognizedReason } from './messages.ts';
export { recognizeService, type Recognition } from './recognize.ts';
export { concealSecrets } from './validate/secrecy.ts';
export { remoteLocation, type RemoteLocation } from './remote.ts';
export { findingCodes, findingTitles, problemCodes, problemTitles, toolTitles, type FindingCode, type ToolCode } from './codes.ts';
