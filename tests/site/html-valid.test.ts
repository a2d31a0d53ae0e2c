/** Every built page is valid HTML (html-validate's recommended rules, a few relaxed with a reason). */
import { HtmlValidate } from 'html-validate';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, htmlFiles, readHtml } from '../support/dist';

beforeAll(assertBuilt);

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro's compressHTML writes boolean attributes and void elements its own way; both are valid HTML.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // Astro minifies whitespace away; text content rules about it do not apply.
    'no-trailing-whitespace': 'off',
    // Connection strings and code are long by nature.
    'long-title': 'off',
    // Astro adds scoped-style class names with its own hashing scheme.
    'class-pattern': 'off',
    'id-pattern': 'off',
    // The CSP meta tag carries inline hashes; not an issue for validity.
    'no-inline-style': 'off',
  },
});

test.each(htmlFiles())('%s is valid HTML', async (page) => {
  const report = await validator.validateString(readHtml(page), page);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(messages).toEqual([]);
});
