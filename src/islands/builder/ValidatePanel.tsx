/**
 * Validate mode: paste a string, read a summary and the findings, apply safe fixes, load it into the form. The
 * findings come from the checker (a worker): typing never waits for them. Until the answer for the text as it is
 * now arrives, the last one stays on screen, marked busy, its fix buttons off (their edits are for the old text).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindingView, ValidateView } from '../../lib/builder/validation.ts';
import type { TextEdit } from '../../lib/connstr/index.ts';
import FindingsList from './FindingsList.tsx';

/** The checker's view of a pasted text, with what it was asked about. */
/** The Validate tab's answer, with what it was computed for (`key`: the service build's payload key, `payloadKey`). */
export type Validation = { serviceId: string; key: string; text: string; serviceBy: 'user' | 'profile' | undefined; view: ValidateView };

export default function ValidatePanel(props: {
  text: string;
  validation: Validation | undefined;
  /** The view is the answer for the text, service and choice as they are now. */
  current: boolean;
  /** An action waiting for the checker. */
  acting: '' | 'fix-all' | 'load';
  onPaste: (text: string) => void;
  onFix: (edits: readonly TextEdit[]) => void;
  onFixAll: () => void;
  onLoad: () => void;
}) {
  const { text, current } = props;
  const view = props.validation?.view;
  const area = useRef<HTMLTextAreaElement>(null);
  const select = (finding: FindingView) => {
    const el = area.current;
    if (!el || !current) return;
    el.focus();
    el.setSelectionRange(finding.span.start, Math.max(finding.span.end, finding.span.start));
  };
  // While the answer for the text as it is now is on its way, the last summary stays a moment (a short string's
  // answer arrives within a frame: no flicker while typing), then says so; after the paste hint, at once.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (current) return;
    const timer = setTimeout(() => setSlow(true), 150);
    return () => clearTimeout(timer);
  }, [current, text]);
  const firstCheck = !props.validation?.text.trim();
  const summary = !view || (!current && (slow || firstCheck)) ? 'Checking…' : view.summary;

  return (
    <div class="builder-validate">
      <p class="builder-row">
        <label for="builder-paste">Paste a connection string</label>
      </p>
      <textarea
        id="builder-paste"
        ref={area}
        rows={4}
        spellcheck={false}
        autocomplete="off"
        value={text}
        aria-describedby="builder-validate-summary"
        onInput={(e) => props.onPaste(e.currentTarget.value)}
      />
      <p id="builder-validate-summary" role="status" class={view?.needsService ? 'builder-summary notice' : 'builder-summary'} aria-busy={current ? undefined : 'true'}>
        {summary}
      </p>
      {view?.formLabel && <p class="builder-form-read">Read as: {view.formLabel}</p>}
      {view && view.findings.length > 0 && (
        <FindingsList findings={view.findings} notShown={view.notShown} stale={!current} onShow={select} onFix={(finding) => finding.fix && props.onFix(finding.fix.edits)} />
      )}
      {/* Nothing to fix or load until the string's service is known: both would act on a guessed service. */}
      {text.trim() && view && !view.needsService && (
        <p class="builder-actions">
          {view.safeFixes > 0 && (
            // Safe fixes change spelling, quoting, separators and placement, never a value or the service (see safeFixCodes).
            <button type="button" onClick={props.onFixAll} disabled={!current || props.acting !== ''}>
              {props.acting === 'fix-all' ? 'Fixing…' : `Fix all safe problems (${view.safeFixes.toLocaleString('en-US')})`}
            </button>
          )}
          <button type="button" onClick={props.onLoad} disabled={!current || props.acting !== ''}>
            {props.acting === 'load' ? 'Loading…' : 'Load into the builder'}
          </button>
        </p>
      )}
    </div>
  );
}
