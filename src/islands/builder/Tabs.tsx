/** Tabs with the ARIA pattern: arrows move between tabs, only the selected one is in the Tab order. */
import { useRef } from 'preact/hooks';

export default function Tabs<T extends string>(props: {
  label: string;
  idPrefix: string;
  items: readonly T[];
  labels: Record<T, string>;
  selected: T;
  onSelect: (item: T) => void;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (event: KeyboardEvent, index: number) => {
    const last = props.items.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const item = props.items[next]!;
    props.onSelect(item);
    refs.current[item]?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} class="builder-tabs">
      {props.items.map((item, index) => (
        <button
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${item}`}
          aria-controls={`${props.idPrefix}-panel-${item}`}
          aria-selected={item === props.selected}
          tabIndex={item === props.selected ? 0 : -1}
          ref={(el) => {
            refs.current[item] = el;
          }}
          onClick={() => props.onSelect(item)}
          onKeyDown={(event) => move(event, index)}
        >
          {props.labels[item]}
        </button>
      ))}
    </div>
  );
}
