/** Build / Validate: the builder's first control, also present in its server render (so Tab can land on it). */
import { modes, type Mode } from '../../lib/builder/model.ts';
import Tabs from './Tabs.tsx';

const modeLabels: Record<Mode, string> = { build: 'Build', validate: 'Validate' };

export default function ModeTabs(props: { selected: Mode; onSelect: (mode: Mode) => void }) {
  return <Tabs label="Mode" idPrefix="builder-mode" items={modes} labels={modeLabels} selected={props.selected} onSelect={props.onSelect} />;
}
