/**
 * The only script on documentation pages: the theme toggle, copy buttons on code blocks, and the
 * service-directory filter. Each is progressive enhancement: without JavaScript the page is complete.
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

// Search: Pagefind's Component UI, loaded on first use only (button, Ctrl/⌘+K or `/`), so a page costs no
// search bytes until someone searches. The index lives in <base>pagefind/, written by `astro build`.
const searchSlot = document.querySelector<HTMLElement>('[data-search-base]');
const searchButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
if (searchSlot && searchButton) {
  const bundle = searchSlot.dataset.searchBase ?? '/pagefind/';
  const status = searchSlot.querySelector<HTMLElement>('[data-search-status]');
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const kbd = searchButton.querySelector('kbd');
  if (kbd && mac) kbd.textContent = '⌘K';
  let modal: Promise<HTMLElement & { open(): void }> | undefined;
  // Pagefind's own result card plus one line naming the service, category and placement of a property.
  const RESULT_TEMPLATE =
    '<script type="text/pagefind-template">' +
    '<li class="pf-result"><div class="pf-result-card"><div class="pf-result-content">' +
    '<p class="pf-result-title"><a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>' +
    '{{#if meta.context}}<p class="search-context">{{ meta.context }}</p>{{/if}}' +
    '{{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}</div></div>' +
    '{{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}<li class="pf-heading-chip">' +
    '<a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a><p class="pf-heading-excerpt">{{+ sub.excerpt +}}</p>' +
    '</li>{{/each}}</ul>{{/if}}</li></script>';

  const load = (tag: 'script' | 'link', url: string) =>
    new Promise<void>((resolve, reject) => {
      const el = document.createElement(tag);
      if (el instanceof HTMLScriptElement) el.src = url;
      else if (el instanceof HTMLLinkElement) Object.assign(el, { rel: 'stylesheet', href: url });
      el.addEventListener('load', () => resolve());
      el.addEventListener('error', () => reject(new Error(url)));
      document.head.append(el);
    });

  const build = async () => {
    await Promise.all([load('link', `${bundle}pagefind-component-ui.css`), load('script', `${bundle}pagefind-component-ui.js`)]);
    // Ranking for a reference site: short property records beat long pages that mention the same words.
    (window as unknown as { PagefindComponents: { configureInstance(name: string, options: object): void } }).PagefindComponents.configureInstance('default', {
      bundlePath: bundle,
      ranking: { pageLength: 1, termFrequency: 0.5, termSaturation: 1.2, termSimilarity: 9, metaWeights: { title: 5, context: 0 } },
    });
    const config = document.createElement('pagefind-config');
    config.setAttribute('bundle-path', bundle);
    const dialog = document.createElement('pagefind-modal') as HTMLElement & { open(): void };
    dialog.innerHTML =
      '<pagefind-modal-header><pagefind-input placeholder="Property, service or setting"></pagefind-input></pagefind-modal-header>' +
      '<pagefind-modal-body><div class="search-filters"><pagefind-filter-dropdown filter="service" label="Service"></pagefind-filter-dropdown>' +
      '<pagefind-filter-dropdown filter="category" label="Category"></pagefind-filter-dropdown>' +
      '<pagefind-filter-dropdown filter="method" label="Auth method"></pagefind-filter-dropdown></div>' +
      '<pagefind-summary></pagefind-summary><pagefind-results show-sub-results max-sub-results="5">' +
      RESULT_TEMPLATE +
      '</pagefind-results></pagefind-modal-body>' +
      '<pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer>';
    document.body.append(config, dialog);
    await customElements.whenDefined('pagefind-modal');
    // Pagefind's filter buttons have role="combobox", which takes no name from its text: name each by its label
    // (the aria-label Pagefind sets while a filter is selected still takes precedence over the title). Pagefind
    // rebuilds a dropdown's contents when it re-renders, so the names are put back whenever its nodes change.
    const nameFilters = () => {
      for (const dropdown of dialog.querySelectorAll('pagefind-filter-dropdown')) {
        const trigger = dropdown.querySelector('.pf-dropdown-trigger');
        const label = dropdown.getAttribute('label') ?? '';
        if (trigger && trigger.getAttribute('title') !== label) trigger.setAttribute('title', label);
      }
    };
    nameFilters();
    new MutationObserver(nameFilters).observe(dialog, { childList: true, subtree: true });
    // Pagefind may render its <dialog> again (when its translations load): listen on the host, in the capture
    // phase, since `close` does not bubble.
    dialog.addEventListener('close', () => searchButton.setAttribute('aria-expanded', 'false'), true);
    return dialog;
  };

  const open = async () => {
    modal ??= build();
    try {
      const dialog = await modal;
      if (status) status.textContent = '';
      searchButton.setAttribute('aria-expanded', 'true');
      dialog.open();
    } catch {
      modal = undefined;
      // Under `astro dev` there is no index: it is written by `astro build`.
      if (status) status.textContent = 'Search needs a built site: run npm run build, then npm run preview.';
    }
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
