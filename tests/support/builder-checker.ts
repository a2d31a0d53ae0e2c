/**
 * The builder's state driven as the island drives it, without a worker: what needs the engine (Fix all, Load into
 * the builder, the problems of the built string) is computed by the same functions the checker answers with
 * (src/lib/builder/validation.ts) and handed to the reducer as the island hands the checker's answers.
 */
import { buildString, currentMethod } from '../../src/lib/builder/form.ts';
import { reduce, type Action, type BuilderState } from '../../src/lib/builder/model.ts';
import type { BuilderService } from '../../src/lib/builder/payload.ts';
import { buildProblems, fixPasted, fromConnectionString } from '../../src/lib/builder/validation.ts';
import { buildView, type BuildView } from '../../src/lib/builder/views.ts';

/** An action, or one made from the state it applies to (an answer the checker computes from the current text). */
export type Step = Action | ((state: BuilderState) => Action);

/** Applies steps in order. */
export const run = (state: BuilderState, ...steps: Step[]): BuilderState => steps.reduce((s, step) => reduce(s, typeof step === 'function' ? step(s) : step), state);

/** "Fix all safe problems", as the checker answers it for the text pasted now. */
export const fixAllStep =
  (service: BuilderService): Step =>
  (state) => ({ type: 'fix-all', from: state.pasted, text: fixPasted(service, state.pasted) });

/** "Load into the builder", as the checker answers it for the text pasted now. */
export const loadStep =
  (service: BuilderService): Step =>
  (state) => ({ type: 'load-pasted', service, from: state.pasted, loaded: fromConnectionString(state.pasted, service) });

/** Build mode's view once the checker has answered for the string the form builds. */
export function checkedBuildView(state: BuilderState, service: BuilderService): BuildView {
  const text = buildString(service, state).text;
  const methodId = currentMethod(service, state).id;
  return buildView(state, service, { text, problems: text ? buildProblems(service, text, methodId) : [], methodId });
}
