/**
 * An independent reading of the grammar for differential tests: the regular expression .NET documents as
 * equivalent to its `DbConnectionOptions` state machine (grammar reference §2.3, "debug-only regex"),
 * transcribed for JavaScript. It shares no code with src/lib/connstr, so when the two agree on random
 * input the parser follows the grammar rather than its own assumptions.
 *
 * Transcription notes: .NET's `\s` is char.IsWhiteSpace (Unicode Zs/Zl/Zp, U+0009–U+000D, U+0085), which
 * differs from JavaScript's `\s` (JS adds U+FEFF and lacks U+0085), so it is spelled out; `\p{Cc}` is
 * U+0000–U+001F and U+007F–U+009F. No `u` flag: .NET matches UTF-16 code units, lone surrogates included.
 */

const WS = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const CC = '\\x00-\\x1f\\x7f-\\x9f';
const S = `[${WS}]`;

// KEY = ([^=\s\p{Cc}]|\s+[^=\s\p{Cc}]|\s+==|==)+
const KEY = `(?:[^=${WS}${CC}]|${S}+[^=${WS}${CC}]|${S}+==|==)+`;
// VALUE = "([^"\0]|"")*" | '([^'\0]|'')*' | (?!["'\s])([^;\s\p{Cc}]|\s+[^;\s\p{Cc}])*(?<!["'])
const DQ_VALUE = `"(?:[^"\\x00]|"")*"`;
const SQ_VALUE = `'(?:[^'\\x00]|'')*'`;
const BARE_VALUE = `(?!["'${WS}])(?:[^;${WS}${CC}]|${S}+[^;${WS}${CC}])*(?<!["'])`;
// pair = [\s;]*(?![\s;])KEY\s*=(?!=)\s*VALUE(\s*)(;|[\0\s]*$)
const PAIR = new RegExp(
  `[${WS};]*(?![${WS};])(${KEY})${S}*=(?!=)${S}*(${DQ_VALUE}|${SQ_VALUE}|${BARE_VALUE})${S}*(?:;|[\\x00${WS}]*$)`,
  'y',
);
/** What may remain once no pair starts: separators, then NUL padding (whitespace allowed among the NULs). */
const REST = new RegExp(`[${WS};]*(?:\\x00[\\x00${WS}]*)?$`, 'y');

export type ReferencePair = [key: string, value: string | null];

/**
 * The pairs .NET would read from `text` in order (null for `key=`), or `undefined` when it would throw.
 * Keys are decoded (`==` → `=`); quoted values lose their quotes and doubled quotes; an empty bare value is null.
 */
export function referenceParse(text: string): ReferencePair[] | undefined {
  const pairs: ReferencePair[] = [];
  let at = 0;
  for (;;) {
    REST.lastIndex = at;
    if (REST.test(text)) return pairs;
    PAIR.lastIndex = at;
    const match = PAIR.exec(text);
    if (!match || match[0].length === 0) return undefined;
    const rawValue = match[2]!;
    let value: string | null;
    if (rawValue.startsWith('"')) value = rawValue.slice(1, -1).replaceAll('""', '"');
    else if (rawValue.startsWith("'")) value = rawValue.slice(1, -1).replaceAll("''", "'");
    else value = rawValue.length === 0 ? null : rawValue;
    pairs.push([match[1]!.replaceAll('==', '='), value]);
    at = PAIR.lastIndex;
  }
}
