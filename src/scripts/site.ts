import searchDialogUrl from './search-dialog.ts?worker&url';

/**
 * The only script on documentation pages: the theme toggle, copy buttons on code blocks, Copy page as Markdown,
 * the service-directory filter, and the loader of the search dialog (its module arrives on first use). Each is progressive enhancement: without JavaScript the page is complete.
 */

function setTheme(theme: 'light' | 'dark') {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem('theme', theme);
  } catch {
    // Storage can be disabled; the toggle still works for this page view.
  }
  syncToggle();
}

function syncToggle() {
  const dark = document.documentElement.dataset.theme === 'dark';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(dark));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () =>
    setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'),
  );
}
syncToggle();

// Copy buttons: each sits next to a <pre> inside a [data-copy-block]; a live region announces the result.
for (const block of document.querySelectorAll<HTMLElement>('[data-copy-block]')) {
  const button = block.querySelector<HTMLButtonElement>('[data-copy]');
  const code = block.querySelector('pre');
  const status = block.querySelector<HTMLElement>('[data-copy-status]');
  if (!button || !code) continue;
  button.addEventListener('click', async () => {
    let message = 'Copied';
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
    } catch {
      message = 'Copy failed: select the text and copy it by hand';
    }
    if (status) status.textContent = message;
    button.dataset.state = message === 'Copied' ? 'done' : 'failed';
    setTimeout(() => {
      if (status) status.textContent = '';
      delete button.dataset.state;
    }, 2000);
  });
}

// "Copy page as Markdown": fetches the page's Markdown twin (same origin, so the CSP's connect-src 'self'
// allows it) and copies it, announcing the result in the block's live region like the code copy buttons.
for (const block of document.querySelectorAll<HTMLElement>('[data-copy-markdown-block]')) {
  const button = block.querySelector<HTMLButtonElement>('[data-copy-markdown]');
  const status = block.querySelector<HTMLElement>('[data-copy-status]');
  if (!button) continue;
  button.addEventListener('click', async () => {
    const url = button.dataset.copyMarkdown ?? '';
    let message = 'Copied the page as Markdown';
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      const text = await response.text();
      await navigator.clipboard.writeText(text);
    } catch {
      message = 'Copy failed: open “View as Markdown” and copy it from there';
    }
    if (status) status.textContent = message;
    button.dataset.state = message.startsWith('Copied') ? 'done' : 'failed';
    setTimeout(() => {
      if (status) status.textContent = '';
      delete button.dataset.state;
    }, 2000);
  });
}

// Service directory filter (home page).
const filter = document.querySelector<HTMLInputElement>('[data-directory-filter]');
if (filter) {
  // A live filter, not a form: there is nothing to submit.
  const items = [...document.querySelectorAll<HTMLElement>('[data-directory-item]')];
  const count = document.querySelector<HTMLElement>('[data-directory-count]');
  const apply = () => {
    const query = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const item of items) {
      const match = !query || (item.dataset.directoryItem ?? '').includes(query);
      item.hidden = !match;
      if (match) shown++;
    }
    if (count) count.textContent = query ? `${shown} of ${items.length} services match “${filter.value.trim()}”.` : '';
  };
  filter.addEventListener('input', apply);
  apply();
}

// Search: a dialog on Pagefind's JavaScript API (search-dialog.ts), loaded on first use only (button, Ctrl/⌘+K or
// `/`), so a page costs no search bytes until someone searches. The index lives in <base>pagefind/, written by
// `astro build`. The dialog is a module of its own, added as a <script> (a dynamic import() would bring Vite's
// preload helper onto every page); it answers `search:open` events and reports `search:failed`.
const searchSlot = document.querySelector<HTMLElement>('[data-search-base]');
const searchButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
if (searchSlot && searchButton) {
  const bundle = searchSlot.dataset.searchBase ?? '/pagefind/';
  const status = searchSlot.querySelector<HTMLElement>('[data-search-status]');
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const kbd = searchButton.querySelector('kbd');
  if (kbd && mac) kbd.textContent = '⌘K';
  let script: HTMLScriptElement | undefined;

  // Under `astro dev` there is no index: it is written by `astro build`. A module runs once per page, so a
  // failure is final for this page view: each later try shows the message again.
  let broken = false;
  const failed = () => {
    broken = true;
    if (status) status.textContent = 'Search needs a built site: run npm run build, then npm run preview.';
  };
  document.addEventListener('search:failed', failed);

  const open = () => {
    if (broken) return failed();
    if (status) status.textContent = '';
    if (script) {
      document.dispatchEvent(new CustomEvent('search:open'));
      return;
    }
    // The module opens the dialog itself once it has loaded.
    script = Object.assign(document.createElement('script'), { type: 'module', src: searchDialogUrl });
    script.dataset.searchBundle = bundle;
    script.addEventListener('error', failed);
    document.head.append(script);
  };

  searchButton.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void open();
    } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      void open();
    }
  });
}
