/**
 * The engine's public functions called from JavaScript with bad arguments throw a TypeError that names the
 * function and the argument, not an error from deep inside.
 */
import { describe, expect, test } from 'vitest';
import * as engine from '../../../src/lib/connstr/index.ts';
import { acmeRules } from '../../support/acme.ts';

const service = acmeRules();
const call = (fn: (...args: never[]) => unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);

const cases: [string, () => unknown, RegExp][] = [
  ['parse(null)', call(engine.parse, null), /^parse\(text\): text must be a string, got null$/],
  ['parse(42)', call(engine.parse, 42), /^parse\(text\): text must be a string, got number 42$/],
  ['parse(text, null)', call(engine.parse, 'a=1', null), /options must be an object or undefined, got null/],
  ['parseAny(undefined)', call(engine.parseAny, undefined), /^parseAny\(text\): text must be a string, got undefined/],
  ['validate(null, service)', call(engine.validate, null, service), /^validate\(input, service\): input must be a string or a parse result, got null$/],
  ['validate(text, null)', call(engine.validate, 'a=1', null), /^validate\(input, service\): service must be service rules .*, got null$/],
  ['validate(text, {})', call(engine.validate, 'a=1', {}), /service must be service rules/],
  ['validate(text, service, 3)', call(engine.validate, 'a=1', service, 3), /options must be an object or undefined, got number 3/],
  ['canonicalize([], service)', call(engine.canonicalize, [], service), /^canonicalize\(input, service\): input must be a string or a parse result, got an array$/],
  ['canonicalPairs(text, "x")', call(engine.canonicalPairs, 'a=1', 'x'), /^canonicalPairs\(input, service\): service must be service rules/],
  ['serialize(null)', call(engine.serialize, null), /^serialize\(pairs\): pairs must be an iterable of pairs, got null$/],
  ['serialize("a=1")', call(engine.serialize, 'a=1'), /^serialize\(pairs\): pairs must be an iterable of pairs, got the string "a=1"$/],
  ['serialize([["a"]])', call(engine.serialize, [['a']]), /^serialize\(pairs\): each pair must be \[key, value\]/],
  ['serialize([null])', call(engine.serialize, [null]), /^serialize\(pairs\): each pair must be \[key, value\].*got null$/],
  ['quoteValue(1)', call(engine.quoteValue, 1), /^quoteValue\(value\): value must be a string, got number 1$/],
  ['effectivePairs(null)', call(engine.effectivePairs, null), /^effectivePairs\(input\): input must be a string or a parse result, got null$/],
  ['applyEdits(null, [])', call(engine.applyEdits, null, []), /^applyEdits\(text, edits\): text must be a string, got null$/],
  ['applyEdits(text, {})', call(engine.applyEdits, 'abc', {}), /^applyEdits\(text, edits\): edits must be an array, got an object$/],
  ['toOdbc(null)', call(engine.toOdbc, null), /^toOdbc\(input\): input must be a connection string or an iterable of pairs, got null$/],
  ['toJdbcUrl(7)', call(engine.toJdbcUrl, 7), /^toJdbcUrl\(input\): input must be a connection string or an iterable of pairs, got number 7$/],
  ['toCSharp(null)', call(engine.toCSharp, null), /^toCSharp\(input\): input must be a connection string or an iterable of pairs, got null$/],
  ['toJava(null)', call(engine.toJava, null), /^toJava\(input\): input must be a connection string or an iterable of pairs, got null$/],
  ['toPython({})', call(engine.toPython, {}), /^toPython\(input\): input must be a connection string or an iterable of pairs, got an object$/],
  ['csharpString(null)', call(engine.csharpString, null), /^csharpString\(s\): s must be a string, got null$/],
  ['lookupProperty(null, key)', call(engine.lookupProperty, null, 'User'), /^lookupProperty\(service, key\): service must be service rules/],
  ['lookupProperty(service, null)', call(engine.lookupProperty, service, null), /^lookupProperty\(service, key\): key must be a string, got null$/],
  ['resolveMethod(undefined)', call(engine.resolveMethod, undefined, 'OAUTH'), /^resolveMethod\(service, authScheme\): service must be service rules.*got undefined$/],
  ['readPasted(null)', call(engine.readPasted, null), /^readPasted\(pasted\): pasted must be a string, got null$/],
  ['checkPasted(text, null)', call(engine.checkPasted, 'a=1', null), /^checkPasted\(pasted, service\): service must be service rules.*got null$/],
  ['checkPasted([], service)', call(engine.checkPasted, [], service), /^checkPasted\(pasted, service\): pasted must be a string, got an array$/],
  ['fixAll(null, service)', call(engine.fixAll, null, service), /^fixAll\(pasted, service\): pasted must be a string, got null$/],
  ['fixAll(text, undefined)', call(engine.fixAll, 'a=1', undefined), /^fixAll\(pasted, service\): service must be service rules.*got undefined$/],
];

describe('bad arguments name the function and the argument', () => {
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });

  test('good arguments still work', () => {
    expect(engine.parse('a=1').entries).toHaveLength(1);
    expect(engine.validate('a=1', service).length).toBeGreaterThan(0);
    expect(engine.serialize([['a', '1']])).toBe('a=1');
    expect(engine.serialize(new Map([['a', '1']]))).toBe('a=1');
  });
});
