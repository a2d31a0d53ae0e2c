/**
 * The built string in each output format, one tab each. Only the selected format is written: the others cost
 * nothing until their tab is chosen.
 */
import { formById, type FormId } from '../../lib/connstr/index.ts';
import { outputTabs } from '../../lib/builder/model.ts';
import CopyButton from './CopyButton.tsx';
import Tabs from './Tabs.tsx';

/** Each tab's label: the form's one label in the engine's table. */
const labels = Object.fromEntries(outputTabs.map((id) => [id, formById(id).label])) as Record<FormId, string>;

export default function OutputPanel(props: { text: string; tab: FormId; onTab: (tab: FormId) => void }) {
  return (
    <div class="builder-output">
      <Tabs label="Output format" idPrefix="builder-output" items={outputTabs} labels={labels} selected={props.tab} onSelect={props.onTab} />
      {outputTabs.map((tab) => {
        // Hidden panels stay in the page (the tabs' aria-controls point at them) but hold no text.
        const form = tab === props.tab ? formById(tab).write(props.text) : '';
        return (
          <div role="tabpanel" id={`builder-output-panel-${tab}`} aria-labelledby={`builder-output-tab-${tab}`} hidden={tab !== props.tab}>
            <pre tabIndex={0} aria-label={labels[tab]}>
              <code>{form}</code>
            </pre>
            <CopyButton text={form} label={`Copy ${labels[tab]}`} done={`${labels[tab]} copied`} />
          </div>
        );
      })}
    </div>
  );
}
