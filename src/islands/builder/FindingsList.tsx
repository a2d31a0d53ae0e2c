/**
 * The findings of a pasted string, as the checker groups them: what and where (with an excerpt, secrets masked), a
 * button to select it, and its fix if safe. A group (one code, one property) shows its first few; its last one shown
 * says how many more are like it, and the end of the list how many of other kinds were left off.
 */
import type { FindingView } from '../../lib/builder/validation.ts';
import { severityLabels } from './shared.ts';

const number = (n: number) => n.toLocaleString('en-US');

export default function FindingsList(props: {
  findings: FindingView[];
  notShown: number;
  /** The findings are for an older text: shown, but their buttons are off until the new answer arrives. */
  stale: boolean;
  onShow: (finding: FindingView) => void;
  onFix: (finding: FindingView) => void;
}) {
  return (
    <>
      <ol class={props.stale ? 'builder-problems builder-stale' : 'builder-problems'} aria-label="Problems found" aria-busy={props.stale ? 'true' : undefined}>
        {props.findings.map((finding) => {
          const cut = finding.excerpt;
          return (
            <li class={`builder-problem builder-${finding.severity}`}>
              <p>
                <strong>{severityLabels[finding.severity]}</strong> at position {number(finding.span.start + 1)}: {finding.message}
              </p>
              <p class="builder-excerpt">
                <code>
                  {cut.before}
                  <mark>{cut.marked || '▏'}</mark>
                  {cut.after}
                </code>
              </p>
              <p class="builder-actions">
                <button type="button" disabled={props.stale} onClick={() => props.onShow(finding)}>
                  Show in the text<span class="visually-hidden"> (position {number(finding.span.start + 1)})</span>
                </button>
                {finding.fix && (
                  <button type="button" disabled={props.stale} onClick={() => props.onFix(finding)}>
                    Fix: {finding.fix.description}
                  </button>
                )}
                <a href={finding.docs} class="builder-docs">
                  How to fix<span class="visually-hidden"> {finding.code}</span>
                </a>
              </p>
              {finding.more !== undefined && <p class="builder-more">and {number(finding.more)} more like this</p>}
            </li>
          );
        })}
      </ol>
      {props.notShown > 0 && <p class="builder-more">…and {number(props.notShown)} more findings of other kinds, not listed.</p>}
    </>
  );
}
