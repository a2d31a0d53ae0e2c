/**
 * The built string in each output format, one tab each. Only the selected format is written: the others cost
 * nothing until their tab is chosen. Secret values show as ******** until "Show secrets" is pressed (the copy
 * button always copies the real string).
 */
import { useState } from 'preact/hooks';
import { formById, type FormId } from '../../lib/connstr/index.ts';
import { outputTabs } from '../../lib/builder/model.ts';
import CopyButton from './CopyButton.tsx';
import Tabs from './Tabs.tsx';

/** Each tab's label: the form's one label in the engine's table. */
const labels = Object.fromEntries(outputTabs.map((id) => [id, formById(id).label])) as Record<FormId, string>;

export default function OutputPanel(props: { text: string; masked?: string | undefined; tab: FormId; onTab: (tab: FormId) => void }) {
  const [revealed, setRevealed] = useState(false);
  const shown = revealed || props.masked === undefined ? props.text : props.masked;
  return (
    <div class="builder-output">
      <Tabs label="Output format" idPrefix="builder-output" items={outputTabs} labels={labels} selected={props.tab} onSelect={props.onTab} />
      {outputTabs.map((tab) => {
        // Hidden panels stay in the page (the tabs' aria-controls point at them) but hold no text.
        const selected = tab === props.tab;
        const form = selected ? formById(tab).write(props.text) : '';
        const onScreen = selected ? (shown === props.text ? form : formById(tab).write(shown)) : '';
        return (
          <div role="tabpanel" id={`builder-output-panel-${tab}`} aria-labelledby={`builder-output-tab-${tab}`} hidden={!selected}>
            <pre tabIndex={0} aria-label={labels[tab]}>
              <code>{onScreen}</code>
            </pre>
            <CopyButton text={form} label={`Copy ${labels[tab]}`} done={`${labels[tab]} copied`} />
          </div>
        );
      })}
      {props.masked !== undefined && (
        <p class="builder-reveal">
          <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            Show secrets
          </button>
          <span>{revealed ? 'Secret values are shown.' : 'Secret values show as ********; Copy copies the real ones.'}</span>
        </p>
      )}
    </div>
  );
}
