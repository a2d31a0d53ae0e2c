/**
 * Drafts in the workflow: the catalog loader refuses a draft (a production build fails), naming each file and
 * field still to write; the dev server's mode loads it and lists what is missing. Fixture content folder:
 * tests/fixtures/providers/draft-content (one draft, one finished service).
 */
import { describe, expect, test } from 'vitest';
import { buildCatalog, CatalogError } from '../../../src/lib/providers/catalog.ts';
import { draftProblems, draftReport, fieldsToWrite, isToWrite, toWrite } from '../../../src/lib/providers/drafts.ts';
import { loadDraftFixture } from '../../support/drafts.ts';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('the catalog loader and drafts', () => {
  test('by default (a production build) a draft fails the load, each field still to write named with its file', () => {
    const problems = problemsOf(() => loadDraftFixture());
    const widget = problems.filter((p) => p.includes('widget.json'));
    expect(widget).toEqual([
      expect.stringMatching(/widget\.json › service "widget" › consoleName: still to write \(where the values are found/),
      expect.stringMatching(/widget\.json › service "widget" › overview: still to write/),
      expect.stringMatching(/widget\.json › service "widget" › authMethods\[0\]\.steps\[0\]\.text: still to write \(what to do on this screen\)$/),
      expect.stringMatching(/widget\.json › service "widget" › draft: this service is a draft with 3 fields still to write; write them, then remove "draft": true/),
    ]);
    expect(problems.some((p) => p.includes('gizmo'))).toBe(false);
  });

  test('allowing drafts (the dev server) loads every service and lists the draft with its fields', () => {
    const catalog = loadDraftFixture({ drafts: 'allow' });
    expect(catalog.services.map((s) => s.id)).toEqual(['gizmo', 'widget']);
    expect(catalog.drafts).toEqual([
      {
        file: expect.stringMatching(/widget\.json$/),
        service: 'widget',
        flagged: true,
        fields: [
          { path: 'consoleName', hint: 'where the values are found, as the page names it' },
          { path: 'overview', hint: 'two or three sentences: the methods this service documents, and when to pick each' },
          { path: 'authMethods[0].steps[0].text', hint: 'what to do on this screen' },
        ],
      },
    ]);
  });

  test('a finished file with a marker left in it, or a draft flag with nothing left to write, still fails', () => {
    const service = { id: 'x', name: 'X', overview: toWrite('the overview') };
    expect(draftProblems(draftReport('x.json', service)!)).toEqual([
      'x.json › service "x" › overview: still to write (the overview)',
      'x.json › service "x": 1 field still holds a "[to write]" marker; write it to publish this service',
    ]);
    expect(draftProblems(draftReport('y.json', { id: 'y', draft: true })!)).toEqual(['y.json › service "y" › draft: this service is a draft; remove "draft": true to publish it']);
    expect(draftReport('z.json', { id: 'z', overview: 'Written.' })).toBeUndefined();
    expect(() => buildCatalog({}, { 'x.json': service })).toThrow(/still to write \(the overview\)/);
  });

  test('markers are found at any depth, with their paths', () => {
    expect(fieldsToWrite({ a: [{ b: toWrite('one') }, 'plain'], c: { d: toWrite('two') } })).toEqual([
      { path: 'a[0].b', hint: 'one' },
      { path: 'c.d', hint: 'two' },
    ]);
    expect(isToWrite('[to write] x')).toBe(true);
    expect(isToWrite('Written [to write]')).toBe(false);
  });
});
