/** Markdown writing that needs no catalog: inline code spans and fences that hold any text. (The pages' Markdown on the real services: tests/content/markdown.test.ts.) */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { codeFence, inlineCode, prose } from '../../../src/lib/site/markdown.ts';

describe('Markdown escapes', () => {
  prop.prop([fc.string({ maxLength: 30 })])('an inline code span holds its text, whatever backticks it has', (text) => {
    const span = inlineCode(text);
    const ticks = /^`+/.exec(span)![0];
    // The fence is longer than any run inside, and the text sits between the fences (padded if it touches one).
    expect(span.endsWith(ticks)).toBe(true);
    expect((text.match(/`+/g) ?? []).every((run) => run.length < ticks.length)).toBe(true);
    const inner = span.slice(ticks.length, span.length - ticks.length);
    expect(inner === text || inner === ` ${text} `).toBe(true);
  });

  prop.prop([fc.string({ maxLength: 60 })])('a code fence cannot be closed by the code', (code) => {
    const block = codeFence(code);
    const fence = /^`+/.exec(block)![0];
    expect(block.split('\n').slice(1, -1).join('\n')).toBe(code);
    expect(code.split('\n').some((line) => line.startsWith(fence))).toBe(false);
  });

  test('prose escapes what would open an HTML tag', () => {
    expect(prose('memory://<id> or <b>x</b>')).toBe('memory://\\<id> or \\<b>x\\</b>');
  });
});
