/**
 * The JDBC URL form: `jdbc:api:` (or `jdbc:cdata:api:`) and the plain connection string. Its writer and its
 * reader (the engine's parser reads the prefix itself: `parseAny`). Browser compatible, no side effects.
 */
import { connectionText, type PairsOrString } from './input.ts';
import { asIs, type Unwrapped } from './reading.ts';

export type JdbcPrefix = 'jdbc:api:' | 'jdbc:cdata:api:';

/** A JDBC URL: the prefix (`jdbc:api:` by default; `jdbc:cdata:api:` avoids clashes with other drivers) plus the pairs. */
export function toJdbcUrl(input: PairsOrString, prefix: JdbcPrefix = 'jdbc:api:'): string {
  return prefix + connectionText(input, 'toJdbcUrl(input)');
}

/** A pasted JDBC URL is read as it is: `parseAny` strips its prefix, and spans keep pointing into the URL. */
export function readJdbc(pasted: string): Unwrapped | undefined {
  return /^jdbc:/i.test(pasted.slice(0, 64).trimStart()) ? asIs(pasted) : undefined;
}
