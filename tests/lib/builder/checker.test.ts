/**
 * The builder's checker (src/lib/builder/checker.ts), the seam between the island and the engine's worker: each
 * request gets the answer the island renders, the payload files are checked against their schemas before the
 * engine uses them, and a failure is an answer, never a thrown error (a worker that throws answers nothing).
 */
import { describe, expect, test } from 'vitest';
import { createChecker, type CheckAnswer } from '../../../src/lib/builder/checker.ts';
import { commonData } from '../../../src/lib/builder/data.ts';
import { fixPasted, fromConnectionString, validateView } from '../../../src/lib/builder/validation.ts';
import { acmeCatalog, acmePayload } from '../../support/acme.ts';

const s = acmePayload();
const common = commonData(acmeCatalog().properties);
const own = { ...s, properties: s.properties.filter((p) => !common.properties.some((c) => c.name === p.name)) };
const services = [{ id: 'acme', label: s.label, profileFile: s.profileFile }];
const profile = 'Profile=C:\\profiles\\AcmeLedger.apip';

function ready() {
  const checker = createChecker();
  expect(checker.answer({ kind: 'services', services })).toBeUndefined();
  expect(checker.answer({ kind: 'payload', serviceId: 'acme', part: own, common })).toBeUndefined();
  return checker;
}

describe('answers', () => {
  test('validate: the view of the pasted text, for the service and the way it was chosen', () => {
    const text = `${profile};ProfileSettings='APIKey=k';Timeout=abc`;
    const answer = ready().answer({ kind: 'validate', id: 7, serviceId: 'acme', text, fixed: false });
    expect(answer).toEqual({ kind: 'validate', id: 7, view: validateView({ pasted: text }, s, services, false) });
    expect((answer as Extract<CheckAnswer, { kind: 'validate' }>).view.inferredServiceId).toBe('acme');
  });

  test('build, fix-all and load', () => {
    const checker = ready();
    expect(checker.answer({ kind: 'build', id: 1, serviceId: 'acme', text: profile })).toMatchObject({ kind: 'build', id: 1, problems: [{ code: 'missing-required', property: 'APIKey' }] });
    expect(checker.answer({ kind: 'build', id: 2, serviceId: 'acme', text: '' })).toEqual({ kind: 'build', id: 2, problems: [] });
    const damaged = `${profile};;ProfileSettings=\u2018apikey=k\u2019`;
    expect(checker.answer({ kind: 'fix-all', id: 3, serviceId: 'acme', text: damaged })).toEqual({ kind: 'fix-all', id: 3, text: fixPasted(s, damaged) });
    expect(checker.answer({ kind: 'load', id: 4, serviceId: 'acme', text: damaged })).toEqual({ kind: 'load', id: 4, loaded: fromConnectionString(damaged, s) });
  });
});

describe('the payload is checked before the engine uses it', () => {
  test('a file in another format is named, with where it differs; jobs for that service say so too', () => {
    const checker = createChecker();
    checker.answer({ kind: 'services', services });
    const broken = { ...own, authMethods: [{ ...own.authMethods[0], requires: 'APIKey' }] };
    expect(checker.answer({ kind: 'payload', serviceId: 'acme', part: broken, common })).toEqual({
      kind: 'error',
      serviceId: 'acme',
      message: "the service file is not in the builder's format at authMethods.0.requires",
    });
    expect(checker.answer({ kind: 'build', id: 1, serviceId: 'acme', text: profile })).toEqual({
      kind: 'error',
      id: 1,
      serviceId: 'acme',
      message: "the service file is not in the builder's format at authMethods.0.requires",
    });
    expect(checker.answer({ kind: 'payload', serviceId: 'acme', part: own, common: { properties: 'none' } })).toMatchObject({ kind: 'error', message: "the shared file is not in the builder's format at properties" });
  });

  test.each([
    ['a service', createChecker, { kind: 'validate', id: 5, serviceId: 'nope', text: 'A=1', fixed: true }, 'the builder has no settings for the service "nope"'],
    ['a build of a service (its newest files came)', ready, { kind: 'load', id: 5, serviceId: 'acme', build: '0.9.0.0', text: profile }, 'the builder has no settings for build 0.9.0.0 of the service "acme"'],
  ] as const)('a job for %s whose files never came is an error answer naming it', (_what, checker, request, message) => {
    expect(checker().answer(request)).toEqual({ kind: 'error', id: 5, serviceId: request.serviceId, message });
  });
});

describe('driver builds: each build’s files are kept apart, and every job names the build it checks against', () => {
  // An older build of acme without the Workspace property (added in 2.0.0.0): the engine names the build for it.
  const older = { ...own, build: { version: '1.0.0.0', notInBuild: [{ property: 'Workspace', addedIn: '2.0.0.0' }] } };
  const withWorkspace = `${profile};ProfileSettings='APIKey=k';Workspace=main`;
  const notInBuild = (answer: CheckAnswer | undefined) =>
    answer?.kind === 'validate' ? answer.view.findings.filter((f) => f.code === 'not-in-build').map((f) => f.message) : answer;

  test('the older build’s payload answers the jobs that name it; the newest answers the others', () => {
    const checker = ready();
    expect(checker.answer({ kind: 'payload', serviceId: 'acme', build: '1.0.0.0', part: older, common })).toBeUndefined();
    expect(notInBuild(checker.answer({ kind: 'validate', id: 1, serviceId: 'acme', build: '1.0.0.0', text: withWorkspace, fixed: false }))).toEqual([
      'Build 1.0.0.0 of the driver does not list Workspace; it was added in build 2.0.0.0. Use a value this build lists, or check the string against the build you run.',
    ]);
    expect(notInBuild(checker.answer({ kind: 'validate', id: 2, serviceId: 'acme', text: withWorkspace, fixed: false }))).toEqual([]);
    const built = checker.answer({ kind: 'build', id: 3, serviceId: 'acme', build: '1.0.0.0', text: withWorkspace });
    expect(built).toMatchObject({ kind: 'build', problems: [expect.objectContaining({ code: 'not-in-build', property: 'Workspace' })] });
  });

  test('the summary names the build checked against', () => {
    const checker = ready();
    checker.answer({ kind: 'payload', serviceId: 'acme', build: '1.0.0.0', part: older, common });
    const answer = checker.answer({ kind: 'validate', id: 1, serviceId: 'acme', build: '1.0.0.0', text: profile + ";ProfileSettings='APIKey=k'", fixed: false });
    expect(answer).toMatchObject({ kind: 'validate', view: { summary: 'No problems: this string is valid for Acme Ledger build 1.0.0.0. Service recognized from the Profile file name.' } });
  });

});
