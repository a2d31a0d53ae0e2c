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
  Level,
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
export { canonicalPairs, canonicalize } from './canonicalize.ts';
export { lookupProperty, resolveMethod, selectMethod, type PropertyMatch } from './service.ts';
export { closestName, editDistance } from './names.ts';
export {
  defaultProfilePath,
  placements,
  propertyKinds,
  type MethodRule,
  type Placement,
  type PropertyKind,
  type PropertyRule,
  type Requirement,
  type ServiceRules,
} from './rules.ts';
export {
  csharpString,
  javaString,
  pythonString,
  toCSharp,
  toJava,
  toJdbcUrl,
  toOdbc,
  toPython,
  type JdbcPrefix,
  type LiteralOptions,
  type OdbcForm,
  type PairsOrString,
} from './output.ts';
export { readPasted, toPastedSpan, type PastedForm, type Reading } from './read.ts';
export { checkPasted, fixAll, nextSafeFix, safeFixCodes, type FixAllResult, type PastedCheck } from './pasted.ts';
export {
  MASK,
  carriesCredential,
  holdsSecret,
  looksLikeSecretName,
  maskSecrets,
  secretSpans,
  showValue,
  type SecretRules,
  type ShownValue,
} from './secrets.ts';
export { recognizeService, type Recognition, type UnrecognizedReason } from './recognize.ts';
export { unrecognizedMessage } from './validate/messages.ts';
export { concealSecrets } from './validate/secrecy.ts';
export { remoteLocation, type RemoteLocation } from './remote.ts';
