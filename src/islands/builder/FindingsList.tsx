/**
 * The findings of a pasted string: what and where (with an excerpt, secrets masked), a button to select it, and
 * its fix if safe.
 */
import { excerpt } from '../../lib/builder/views.ts';
import type { Problem, Span } from '../../lib/connstr/index.ts';
import { severityLabels } from './shared.ts';

export default function FindingsList(props: { text: string; problems: Problem[]; secrets: Span[]; onShow: (problem: Problem) => void; onFix: (problem: Problem) => void }) {
  return (
    <ol class="builder-problems" aria-label="Problems found">
      {props.problems.map((problem) => {
        const cut = excerpt(props.text, problem.span, undefined, props.secrets);
        return (
          <li class={`builder-problem builder-${problem.severity}`}>
            <p>
              <strong>{severityLabels[problem.severity]}</strong> at position {problem.span.start + 1}: {problem.message}
            </p>
            <p class="builder-excerpt">
              <code>
                {cut.before}
                <mark>{cut.marked || '▏'}</mark>
                {cut.after}
              </code>
            </p>
            <p class="builder-actions">
              <button type="button" onClick={() => props.onShow(problem)}>
                Show in the text<span class="visually-hidden"> (position {problem.span.start + 1})</span>
              </button>
              {problem.fix && (
                <button type="button" onClick={() => props.onFix(problem)}>
                  Fix: {problem.fix.description}
                </button>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
