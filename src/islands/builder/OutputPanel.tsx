/**
 * The built string in each output format, one tab each. Only the selected format is written: the others cost
 * nothing until their tab is chosen.
 */
import { outputLabels, outputOf, outputTabs, type OutputTab } from '../../lib/builder/model.ts';
import CopyButton from './CopyButton.tsx';
import Tabs from './Tabs.tsx';

export default function OutputPanel(props: { text: string; tab: OutputTab; onTab: (tab: OutputTab) => void }) {
  return (
    <div class="builder-output">
      <Tabs label="Output format" idPrefix="builder-output" items={outputTabs} labels={outputLabels} selected={props.tab} onSelect={props.onTab} />
      {outputTabs.map((tab) => {
        // Hidden panels stay in the page (the tabs' aria-controls point at them) but hold no text.
        const form = tab === props.tab ? outputOf(tab, props.text) : '';
        return (
          <div role="tabpanel" id={`builder-output-panel-${tab}`} aria-labelledby={`builder-output-tab-${tab}`} hidden={tab !== props.tab}>
            <pre tabIndex={0} aria-label={outputLabels[tab]}>
              <code>{form}</code>
            </pre>
            <CopyButton text={form} label={`Copy ${outputLabels[tab]}`} done={`${outputLabels[tab]} copied`} />
          </div>
        );
      })}
    </div>
  );
}
