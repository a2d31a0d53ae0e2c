/**
 * The forms table (src/lib/connstr/forms/forms.ts): one entry per form, one label each, and every form's writer
 * read back by the reader the table gives it, so adding a form is one entry that the builder, the guide, the CLI
 * and the Validate tab all pick up.
 */
import { describe, expect, test } from 'vitest';
import { formById, forms, parse, readers, readPasted, type FormId } from '../../../src/lib/connstr/index.ts';

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
    expect(forms.filter((f) => f.builderTab).map((f) => f.id)).toEqual(['plain', 'jdbc', 'csharp', 'java', 'python', 'env', 'appsettings']);
  });

  test('a writer takes its own options: a JDBC prefix, an ODBC driver, ASCII-only literals', () => {
    expect(formById('jdbc').write('A=1', { prefix: 'jdbc:cdata:api:' })).toBe('jdbc:cdata:api:A=1');
    expect(formById('odbc').write('A=1', { driver: 'X' })).toBe('Driver={X};A=1');
    expect(formById('python').write('A=é', { ascii: true })).toContain('\\xe9');
  });
});

// The configuration-file forms (issue 22) are entries like the others: a writer with its own options (the .env
// prefix, the appsettings.json entry name) and a reader that finds the string inside a larger text, with the way back.
test('the configuration-file forms take their own options and find the string inside a file', () => {
  expect(formById('env').write('A=1', { prefix: 'Acme' })).toBe('ACME_A=\'1\'\nACME_CONNECTION_STRING="A=${ACME_A}"\n');
  expect(formById('appsettings').write('A=1', { name: 'Main' })).toBe('{\n  "ConnectionStrings": {\n    "Main": "A=1"\n  }\n}\n');
  const read = readers.env('# comment\nX=2\nDB="A=${X}"\n')!;
  expect(read.text).toBe('A=2');
  expect(parse(read.text).problems).toEqual([]);
  expect(read.rewrite('A=3')).toBe("# comment\nX='3'\nDB=\"A=${X}\"\n");
});
