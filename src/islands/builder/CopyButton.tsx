/** A copy button with a status line that says whether the copy worked. */
import { useState } from 'preact/hooks';

export default function CopyButton(props: { text: string; label: string; done: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus(props.done);
    } catch {
      setStatus('Copy failed: select the text and copy it by hand.');
    }
    setTimeout(() => setStatus(''), 4000);
  };
  return (
    <span class="builder-copy">
      <button type="button" onClick={copy}>
        {props.label}
      </button>
      <span role="status" class="builder-copy-status">
        {status}
      </span>
    </span>
  );
}
