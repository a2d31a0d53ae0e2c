/**
 * The forms table (src/lib/connstr/forms/forms.ts): one entry per form, one label each, and every form's writer
 * read back by the reader the table gives it, so adding a form is one entry that the builder, the guide, the CLI
 * and the Validate tab all pick up.
 */
import { describe, expect, test } from 'vitest';
import { formById, forms, parse, readers, readPasted, type FormId, type Reader, type StringForm } from '../../../src/lib/connstr/index.ts';

const text = "Profile=C:\\profiles\\AcmeLedger.apip;AuthScheme=BASIC;User=\"a b\";Password='x;y';ProfileSettings='Region=eu'";

describe('the forms table', () => {
  test('ids and labels are unique, and every form has a code-block language', () => {
    expect(new Set(forms.map((f) => f.id)).size).toBe(forms.length);
    expect(new Set(forms.map((f) => f.label)).size).toBe(forms.length);
    for (const form of forms) expect(form.language, form.id).toMatch(/^[a-z-]+$/);
  });

  test('each id finds its entry, and its reader', () => {
    for (const form of forms) expect(formById(form.id)).toBe(form);
    expect(Object.keys(readers).sort()).toEqual(forms.map((f) => f.id).sort());
  });

  test.each(forms.map((f) => [f.id] as [FormId]))('%s: what its writer writes, the reader reads back as that form, unchanged', (id) => {
    const written = formById(id).write(text);
    const reading = readPasted(written);
    expect(reading.form).toBe(id);
    expect(reading.pasted).toBe(written);
    // The JDBC URL keeps its prefix in the text (the parser strips it), and ODBC's head is not part of the string.
    expect(reading.text.replace(/^jdbc:api:/, '')).toBe(text);
    expect(reading.rewrite(reading.text)).toBe(written);
  });

  test('the plain form is the fallback: text no other form takes is read as it is', () => {
    expect(readPasted('not a connection string')).toMatchObject({ form: 'plain', text: 'not a connection string' });
    expect(readers.plain('anything')).toMatchObject({ text: 'anything' });
  });

  test('the builder offers the forms the table marks, ODBC not among them (its DSN is the reader’s own)', () => {
    expect(forms.filter((f) => f.builderTab).map((f) => f.id)).toEqual(['plain', 'jdbc', 'csharp', 'java', 'python']);
  });

  test('a writer takes its own options: a JDBC prefix, an ODBC driver, ASCII-only literals', () => {
    expect(formById('jdbc').write('A=1', { prefix: 'jdbc:cdata:api:' })).toBe('jdbc:cdata:api:A=1');
    expect(formById('odbc').write('A=1', { driver: 'X' })).toBe('Driver={X};A=1');
    expect(formById('python').write('A=é', { ascii: true })).toContain('\\xe9');
  });
});

// A form of the kind still to come (a .env line): its writer takes its own options (the variable's name) and its
// reader returns the string it found, with the way back. The tables' entry types hold it as they hold the others.
test('a form whose writer takes options and whose reader finds the string inside fits the tables’ entry types', () => {
  const envLine: StringForm<'env-line', { variable?: string }> = {
    id: 'env-line',
    label: '.env line',
    language: 'dotenv',
    builderTab: true,
    write: (input, options) => `${options?.variable ?? 'CONNECTION_STRING'}=${JSON.stringify(typeof input === 'string' ? input : '')}`,
  };
  const readEnvLine: Reader = (pasted) => {
    const found = /^[A-Z_]+="(.*)"$/.exec(pasted);
    return found ? { pasted, text: JSON.parse(`"${found[1]}"`) as string, rewrite: (next) => pasted.replace(/=.*$/, `=${JSON.stringify(next)}`) } : undefined;
  };
  const written = envLine.write(text, { variable: 'ACME' });
  expect(written.startsWith('ACME="')).toBe(true);
  const read = readEnvLine(written)!;
  expect(read.text).toBe(text);
  expect(parse(read.text).problems).toEqual([]);
  expect(read.rewrite('A=1')).toBe('ACME="A=1"');
});
