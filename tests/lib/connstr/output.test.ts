/**
 * Output forms (connection string, JDBC URL, ODBC, C#, Java, Python) and the string-literal escapers.
 * Python and Java literals are checked for real: the produced code is run by python3 and by Java's
 * single-file launcher (`java Check.java`), and the strings they hold are compared code unit by code unit.
 * No C# compiler is installed, so C# literals are decoded by a small decoder written from the C# spec.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import {
  InvalidKeyError,
  InvalidValueError,
  csharpString,
  javaString,
  parse,
  parseAny,
  pythonString,
  serialize,
  toCSharp,
  toJava,
  toJdbcUrl,
  toOdbc,
  toPython,
  type Pair,
} from '../../../src/lib/connstr/index.ts';

const has = (command: string, args: string[]) => {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return run.error === undefined && run.status === 0;
};
const hasPython = has('python3', ['--version']);
const hasJava = has('java', ['-version']);

const scratch = mkdtempSync(join(tmpdir(), 'connstr-literals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** UTF-16 code units: how every language here is compared (Python's code points are converted to them). */
const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

const samplePairs: Pair[] = [
  ['Profile', 'C:\\profiles\\Intercom.apip'],
  ['ProfileSettings', [['APIKey', `k;'"\\x`], ['Region', 'eu west']]],
  ['Password', 'p@ss"word\'s'],
];

/** Strings that stress every escaper: Windows paths, both quotes, control and format characters, astral and lone surrogates. */
const tricky = [
  '',
  'C:\\profiles\\Intercom.apip',
  'C:\\profiles\\',
  '\\\\server\\share\\X.apip',
  `say "hi"`,
  "it's",
  `both ' and "`,
  `C:\\a "b"`,
  'line\nbreak',
  'crlf\r\nend',
  'tab\tand\u000bvt\fff',
  '\u0000',
  '\u00001',
  '\u00007',
  '\u0001\u0007\u0008\u001b\u007f\u0085\u009f',
  'é ü ß 中文',
  '😀 astral',
  '\ud800 lone high',
  'lone low \udc00',
  '\udc00\ud800 reversed pair',
  '\u2028\u2029 separators',
  '\ufeff\u200b\u200e\u202e\u2066 format',
  'C:\\users\\u0041',
  'C:\\new\\x41\\N{BULLET}',
  '\\u000A',
  '$ { } % # @',
  serialize(samplePairs),
];

/** A fixed sample of arbitrary strings (full code-unit range) so the real-compiler runs stay one process each. */
const arbitraryStrings = fc.sample(
  fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom('\\', '"', "'", '\n', 'u', '0')), maxLength: 16 }),
  { numRuns: 300, seed: 20_240_601 },
);
const literalInputs = [...tricky, ...arbitraryStrings];

// --- Connection string, JDBC, ODBC -----------------------------------------------------------

describe('the plain form and toJdbcUrl', () => {
  test('the connection string parses back at both levels', () => {
    const text = serialize(samplePairs);
    expect(text).toBe(`Profile=C:\\profiles\\Intercom.apip;ProfileSettings="APIKey=""k;'""""\\x"";Region=""eu west""";Password="p@ss""word's"`);
    const entries = parse(text).entries;
    expect(entries.map((e) => e.key)).toEqual(['Profile', 'ProfileSettings', 'Password']);
    expect(entries[1]!.nested!.entries.map((e) => [e.key, e.value])).toEqual([
      ['APIKey', `k;'"\\x`],
      ['Region', 'eu west'],
    ]);
  });

  test('the JDBC URL starts with jdbc:api: and parses back with the prefix stripped', () => {
    const url = toJdbcUrl(samplePairs);
    expect(url.startsWith('jdbc:api:')).toBe(true);
    expect(url.slice('jdbc:api:'.length)).toBe(serialize(samplePairs));
    const result = parseAny(url);
    expect(result.prefix?.text).toBe('jdbc:api:');
    expect(result.entries.map((e) => e.key)).toEqual(['Profile', 'ProfileSettings', 'Password']);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('jdbc:cdata:api: on request, and a string input is used as is', () => {
    expect(toJdbcUrl([['Profile', 'C:\\p\\X.apip']], 'jdbc:cdata:api:')).toBe('jdbc:cdata:api:Profile=C:\\p\\X.apip');
    expect(toJdbcUrl('Profile=x;  User=u')).toBe('jdbc:api:Profile=x;  User=u');
  });

  test('an unwritable key throws', () => {
    expect(() => serialize([[' bad', 'x']])).toThrow(InvalidKeyError);
    expect(() => toJdbcUrl([['a\u0001', 'x']])).toThrow(InvalidKeyError);
  });
});

/** The ODBC driver manager's keyword (DSN or Driver), read with ODBC rules: `{…}` delimits, `}}` is one `}`. */
function splitOdbcLead(text: string): { key: string; value: string; rest: string } {
  const eq = text.indexOf('=');
  const key = text.slice(0, eq);
  let i = eq + 1;
  let value = '';
  if (text[i] === '{') {
    i++;
    for (;;) {
      const close = text.indexOf('}', i);
      if (close === -1) throw new Error('unclosed brace');
      if (text[close + 1] === '}') {
        value += text.slice(i, close + 1);
        i = close + 2;
        continue;
      }
      value += text.slice(i, close);
      i = close + 1;
      break;
    }
  } else {
    const semi = text.indexOf(';', i);
    value = text.slice(i, semi === -1 ? text.length : semi);
    i = semi === -1 ? text.length : semi;
  }
  if (i < text.length && text[i] !== ';') throw new Error(`text after the ${key} value at ${i}`);
  return { key, value, rest: text.slice(i + 1) };
}

describe('toOdbc', () => {
  const pairs: Pair[] = [
    ['Profile', 'C:\\profiles\\Intercom.apip'],
    ['ProfileSettings', [['APIKey', 'my_api_key']]],
    ['Logfile', 'C:\\logs\\my log.txt'],
  ];

  test('the documented DSN form by default, then the plain string with its own quoting', () => {
    const text = toOdbc(pairs);
    expect(text).toBe("DSN=CData ODBC API Source;Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=my_api_key';Logfile=\"C:\\logs\\my log.txt\"");
    expect(text.slice(text.indexOf(';') + 1)).toBe(serialize(pairs));
  });

  test('ProfileSettings is quoted as in the plain form, and the default rules read the inner key as APIKey', () => {
    const result = parse(toOdbc(pairs, { driver: 'CData ODBC Driver for API' }));
    const settings = result.entries.find((e) => e.key === 'ProfileSettings')!;
    expect(settings.nested!.entries.map((e) => [e.key, e.value])).toEqual([['APIKey', 'my_api_key']]);
    expect(result.problems).toEqual([]);
  });

  test('the DSN-less form braces the driver name, with } doubled', () => {
    expect(toOdbc([['Profile', 'x.apip']], { driver: 'CData ODBC Driver for API' })).toBe('Driver={CData ODBC Driver for API};Profile=x.apip');
    expect(toOdbc([['Profile', 'x.apip']], { driver: 'My {API} Driver' })).toBe('Driver={My {API}} Driver};Profile=x.apip');
  });

  test('a DSN is braced only when ODBC needs it; a string input is used as is; no pairs, no separator', () => {
    expect(toOdbc('Profile=x.apip', { dsn: 'Sales;EU' })).toBe('DSN={Sales;EU};Profile=x.apip');
    expect(toOdbc('Profile=x.apip;  User=u')).toBe('DSN=CData ODBC API Source;Profile=x.apip;  User=u');
    expect(toOdbc([])).toBe('DSN=CData ODBC API Source');
  });

  test('what serialize cannot write, toOdbc cannot either', () => {
    expect(() => toOdbc([[' bad', 'x']])).toThrow(InvalidKeyError);
    expect(() => toOdbc([['A', 'x\u0000']])).toThrow(InvalidValueError);
    expect(() => toOdbc([], { dsn: 'a\u0000' })).toThrow(InvalidValueError);
  });

  const name = fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !v.includes('\0'));
  propTest.prop([fc.oneof(name.map((dsn) => ({ dsn })), name.map((driver) => ({ driver }))), fc.array(fc.tuple(fc.constantFrom('Profile', 'User', 'Other'), name), { maxLength: 4 })], { numRuns: 500 })(
    'the keyword reads back with ODBC rules, the rest is exactly the plain connection string',
    (form, written) => {
      const lead = splitOdbcLead(toOdbc(written, form));
      expect(lead.key).toBe('driver' in form ? 'Driver' : 'DSN');
      expect(lead.value).toBe('driver' in form ? form.driver : form.dsn);
      expect(lead.rest).toBe(serialize(written));
    },
  );
});

// --- String literals: exact spellings ---------------------------------------------------------

describe('literal escapers: exact output', () => {
  test.each([
    ['Windows path: verbatim, readable', 'C:\\profiles\\X.apip', '@"C:\\profiles\\X.apip"'],
    ['verbatim with quotes doubled', 'C:\\a "b"', '@"C:\\a ""b"""'],
    ['no backslash: regular literal', 'say "hi"', '"say \\"hi\\""'],
    ['single quote needs nothing', "it's", `"it's"`],
    ['newline forces a regular literal', 'C:\\x\nb', '"C:\\\\x\\nb"'],
    ['NUL then a digit: \\0 is one character in C#', '\u00001', '"\\01"'],
    ['other controls', '\u0007\u0001\u000b\u007f\u0085', '"\\a\\u0001\\v\\u007F\\u0085"'],
    ['printable unicode kept', 'é😀', '"é😀"'],
    ['lone surrogate escaped', '\ud800', '"\\uD800"'],
    ['separators and invisible format characters', '\u2028\ufeff\u200b', '"\\u2028\\uFEFF\\u200B"'],
  ])('C#: %s', (_name, input, expected) => {
    expect(csharpString(input)).toBe(expected);
  });

  test('C# ascii mode escapes astral characters with \\U', () => {
    expect(csharpString('é😀', { ascii: true })).toBe('"\\u00E9\\U0001F600"');
  });

  test.each([
    ['Windows path: backslashes doubled', 'C:\\profiles\\X.apip', '"C:\\\\profiles\\\\X.apip"'],
    ['both quotes', `it's "x"`, `"it's \\"x\\""`],
    ['line breaks as \\n and \\r, never \\u000A', 'a\r\nb', '"a\\r\\nb"'],
    ['controls as three-digit octal, so a following digit stays a digit', '\u00001\u0001\u000b\u007f\u0085', '"\\0001\\001\\013\\177\\205"'],
    ['a literal backslash-u in the text stays harmless', 'C:\\users\\u0041', '"C:\\\\users\\\\u0041"'],
    ['printable unicode kept', 'é😀', '"é😀"'],
    ['lone surrogate and separators escaped', '\udc00\u2028', '"\\uDC00\\u2028"'],
  ])('Java: %s', (_name, input, expected) => {
    expect(javaString(input)).toBe(expected);
  });

  test('Java ascii mode writes astral characters as a surrogate pair', () => {
    expect(javaString('é😀', { ascii: true })).toBe('"\\u00E9\\uD83D\\uDE00"');
  });

  test.each([
    ['Windows path: backslashes doubled', 'C:\\profiles\\X.apip', '"C:\\\\profiles\\\\X.apip"'],
    ['a path ending in a backslash (a raw string could not)', 'C:\\profiles\\', '"C:\\\\profiles\\\\"'],
    ['both quotes', `it's "x"`, `"it's \\"x\\""`],
    ['newline, tab, CR', 'a\n\tb\r', '"a\\n\\tb\\r"'],
    ['NUL then a digit: \\x takes exactly two digits', '\u00001', '"\\x001"'],
    ['other controls', '\u000b\u007f\u0085', '"\\x0b\\x7f\\x85"'],
    ['printable unicode kept', 'é😀', '"é😀"'],
    ['lone surrogate and separators escaped', '\ud800\u2029\ufeff', '"\\ud800\\u2029\\ufeff"'],
  ])('Python: %s', (_name, input, expected) => {
    expect(pythonString(input)).toBe(expected);
  });

  test('Python ascii mode: one \\U escape per astral character, not a surrogate pair', () => {
    expect(pythonString('é😀', { ascii: true })).toBe('"\\xe9\\U0001f600"');
  });

  test('the snippets wrap the literal of the connection string or URL', () => {
    const pairs: Pair[] = [['Profile', 'C:\\profiles\\X.apip'], ['ProfileSettings', [['APIKey', 'k']]]];
    expect(toCSharp(pairs)).toBe(`using var connection = new APIConnection(@"Profile=C:\\profiles\\X.apip;ProfileSettings='APIKey=k'");`);
    expect(toJava(pairs)).toBe(`Connection connection = DriverManager.getConnection("jdbc:api:Profile=C:\\\\profiles\\\\X.apip;ProfileSettings='APIKey=k'");`);
    expect(toJava('Profile=x', { prefix: 'jdbc:cdata:api:' })).toBe('Connection connection = DriverManager.getConnection("jdbc:cdata:api:Profile=x");');
    expect(toPython(pairs)).toBe(`import cdata.api as mod\n\nconn = mod.connect("Profile=C:\\\\profiles\\\\X.apip;ProfileSettings='APIKey=k'")`);
  });
});

// --- String literals: read back by the real languages -----------------------------------------

/** Lines of comma-separated UTF-16 code units, one per string. */
const readUnits = (stdout: string): number[][] =>
  stdout
    .split('\n')
    .slice(0, -1)
    .map((line) => (line === '' ? [] : line.split(',').map(Number)));

describe('Python reads back what pythonString and toPython write', () => {
  const snippetPairs: Pair[][] = [samplePairs, [['Profile', 'C:\\profiles\\X.apip'], ['Password', 'a\nb c']], [['K', '😀\ud800\u2028"\'\\']]];

  test.skipIf(!hasPython)('every literal evaluates to its input, and each toPython snippet passes the connection string to connect()', () => {
    const literals = [...literalInputs.map((s) => pythonString(s)), ...literalInputs.map((s) => pythonString(s, { ascii: true }))];
    const program = [
      'import sys, types',
      "api = types.ModuleType('cdata.api')",
      'api.connect = lambda text: text',
      "cdata = types.ModuleType('cdata')",
      'cdata.api = api',
      "sys.modules['cdata'] = cdata",
      "sys.modules['cdata.api'] = api",
      'results = [',
      ...literals.map((literal) => `    ${literal},`),
      ']',
      // Each snippet is pasted as written, then the value it handed to connect() is collected.
      ...snippetPairs.flatMap((pairs) => [toPython(pairs), 'results.append(conn)']),
      'for value in results:',
      "    data = value.encode('utf-16-le', 'surrogatepass')",
      "    print(','.join(str(int.from_bytes(data[i:i + 2], 'little')) for i in range(0, len(data), 2)))",
    ].join('\n');
    const file = join(scratch, 'check.py');
    writeFileSync(file, program, 'utf8');
    const run = spawnSync('python3', [file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = [...literalInputs, ...literalInputs, ...snippetPairs.map((pairs) => serialize(pairs))].map(units);
    expect(readUnits(run.stdout)).toEqual(expected);
  });
});

describe('Java reads back what javaString and toJava write', () => {
  const snippetPairs: Pair[][] = [samplePairs, [['Profile', 'C:\\users\\u0041\\X.apip'], ['Password', 'a\r\n"\u0001']]];

  // Without a JDK the check cannot run; it is reported as skipped, not passed.
  test.skipIf(!hasJava)('every literal compiles to its input, and each toJava snippet passes the JDBC URL to getConnection()', () => {
    const literals = [...literalInputs.map((s) => javaString(s)), ...literalInputs.map((s) => javaString(s, { ascii: true }))];
    const program = [
      // The launcher runs the first class in the file, so Check comes before the stand-ins.
      'public class Check {',
      '  static void emit(StringBuilder out, String s) {',
      "    for (int i = 0; i < s.length(); i++) { if (i > 0) out.append(','); out.append((int) s.charAt(i)); }",
      "    out.append('\\n');",
      '  }',
      '  public static void main(String[] args) {',
      '    StringBuilder out = new StringBuilder();',
      '    String[] values = {',
      ...literals.map((literal) => `      ${literal},`),
      '    };',
      '    for (String value : values) emit(out, value);',
      ...snippetPairs.map((pairs) => `    { ${toJava(pairs)} emit(out, DriverManager.url); }`),
      '    System.out.print(out);',
      '  }',
      '}',
      '// Stand-ins for java.sql, so the snippet compiles as written and the URL it passes can be read back.',
      'class Connection {}',
      'class DriverManager {',
      '  static String url;',
      '  static Connection getConnection(String u) { url = u; return new Connection(); }',
      '}',
    ].join('\n');
    const file = join(scratch, 'Check.java');
    writeFileSync(file, program, 'utf8');
    // The source holds raw UTF-8 (é, emoji); without this the launcher would read it in the platform charset.
    const run = spawnSync('java', ['-Dfile.encoding=UTF-8', file], { encoding: 'utf8' });
    // Only the exit status: the JVM writes notes such as "Picked up JAVA_TOOL_OPTIONS" to stderr.
    expect(run.status, run.stderr).toBe(0);
    const expected = [...literalInputs, ...literalInputs, ...snippetPairs.map((pairs) => toJdbcUrl(pairs))].map(units);
    expect(readUnits(run.stdout)).toEqual(expected);
  });
});

/**
 * Decodes a C# string literal per the C# spec (regular: simple escapes, \xH…, \uHHHH, \UHHHHHHHH, no raw
 * line terminators or unescaped `"`; verbatim `@"…"`: only `""`). Throws on anything a compiler would reject.
 */
function decodeCSharp(literal: string): string {
  if (literal.startsWith('@"')) {
    if (!literal.endsWith('"') || literal.length < 3) throw new Error('unterminated verbatim literal');
    const body = literal.slice(2, -1);
    // Pairs are read left to right, so `"""` leaves one lone quote, which would end the literal.
    if (body.replaceAll('""', '').includes('"')) throw new Error('lone " in a verbatim literal');
    return body.replaceAll('""', '"');
  }
  if (!literal.startsWith('"') || !literal.endsWith('"') || literal.length < 2) throw new Error('not a string literal');
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = { "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') throw new Error(`unescaped " at ${i}`);
    if ('\n\r\u0085\u2028\u2029'.includes(c)) throw new Error(`raw line terminator at ${i}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new Error('dangling backslash');
    if (e in simple) out += simple[e];
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 1, i + 9))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else if (e === 'x') {
      const digits = /^[0-9a-fA-F]{1,4}/.exec(body.slice(i + 1))?.[0];
      if (!digits) throw new Error('bad \\x escape');
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else throw new Error(`unknown escape \\${e}`);
  }
  return out;
}

describe('C# literals decode to their input (spec-based decoder; no C# compiler here)', () => {
  test('every tricky and sampled string, in both modes', () => {
    for (const s of literalInputs) {
      expect(units(decodeCSharp(csharpString(s))), csharpString(s)).toEqual(units(s));
      expect(units(decodeCSharp(csharpString(s, { ascii: true }))), csharpString(s, { ascii: true })).toEqual(units(s));
    }
  });

  test('the decoder itself rejects what a compiler would', () => {
    expect(() => decodeCSharp('"a\nb"')).toThrow('raw line terminator');
    expect(() => decodeCSharp('"a"b"')).toThrow('unescaped');
    expect(() => decodeCSharp('@"a"b"')).toThrow('lone');
    expect(() => decodeCSharp('"\\q"')).toThrow('unknown escape');
  });

  test('toCSharp passes the connection string itself', () => {
    const snippet = toCSharp(samplePairs);
    const literal = /^using var connection = new APIConnection\((.*)\);$/s.exec(snippet)![1]!;
    expect(decodeCSharp(literal)).toBe(serialize(samplePairs));
  });
});

test('ascii mode writes only printable ASCII, in every language', () => {
  for (const s of literalInputs) {
    for (const literal of [csharpString(s, { ascii: true }), javaString(s, { ascii: true }), pythonString(s, { ascii: true })]) {
      expect(literal).toMatch(/^[\x20-\x7e]*$/);
    }
  }
});
