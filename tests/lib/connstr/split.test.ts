/**
 * The configuration-file writers' split (src/lib/connstr/forms/split.ts): where each value is written, so the .env
 * writer names it. It must agree with the parser on the strings the builder writes, and never lose text on others.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { parse, serialize, type Pair } from '../../../src/lib/connstr/index.ts';
import { writtenProfile, writtenValues } from '../../../src/lib/connstr/forms/split.ts';

const values = (text: string) => writtenValues(text).map((v) => [v.key, text.slice(v.start, v.end)]);

describe('writtenValues', () => {
  test.each([
    ['A=1;B=2', [['A', '1'], ['B', '2']]],
    ["User=\"a b\";Password='x;y'", [['User', '"a b"'], ['Password', "'x;y'"]]],
    ["Profile=C:\\p\\X.apip;ProfileSettings='Region=eu;APIKey=\"k;1\"'", [['Profile', 'C:\\p\\X.apip'], ['Region', 'eu'], ['APIKey', '"k;1"']]],
    // A list that doubles its own quote stays one value (taking it apart would need the parser's offsets).
    ["ProfileSettings='APIKey=it''s'", [['ProfileSettings', "'APIKey=it''s'"]]],
    ['A=;B', [['A', '']]],
    ['K==ey=1; C = 2 ', [['K==ey', '1'], ['C', '2']]],
    ["A='unterminated;B=2", [['A', "'unterminated;B=2"]]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  test('the Profile, unquoted', () => {
    expect(writtenProfile("Profile='C:\\My Files\\X.apip';A=1")).toBe('C:\\My Files\\X.apip');
    expect(writtenProfile('A=1')).toBeUndefined();
  });
});

const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const value = fc.string({ maxLength: 12 }).filter((v) => !/[\u0000-\u001f]/.test(v));
const pairs = fc.array(fc.oneof(fc.tuple(key, value), fc.tuple(fc.constant('ProfileSettings'), fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 5 });

// On what the builder writes (serialized pairs), the split finds every value the parser finds, where it finds it,
// unless a ProfileSettings list doubles its quote (then the list is one value).
propTest.prop([pairs])('agrees with the parser on serialized pairs', (input) => {
  const text = serialize(input as Pair[]);
  const parsed = parse(text).entries.flatMap((e) => (e.nested && !writtenValues(text).some((v) => v.start === e.valueSpan.start) ? e.nested.entries : [e]));
  expect(writtenValues(text).map((v) => [v.start, v.end])).toEqual(parsed.map((e) => [e.valueSpan.start, e.valueSpan.end]));
});
