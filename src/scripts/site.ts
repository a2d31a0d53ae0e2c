import searchDialogUrl from './search-dialog.ts?worker&url';
import serviceFinderUrl from './service-finder.ts?worker&url';

/**
 * The only script on documentation pages: the theme toggle, the navigation drawer, the "On this page" highlight,
 * unfolding a folded deep-link target, copy buttons on code blocks, Copy page as Markdown, and the loaders of the
 * search dialog and the service finder (their modules arrive on first use). Each is progressive enhancement:
 * without JavaScript the page is complete.
 */

/**
 * Loads a module on first use as a <script> of its own: a dynamic import() would bring Vite's preload helper onto
 * every page. The module finds what it serves in the page itself.
 */
function moduleScript(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const script = Object.assign(document.createElement('script'), { type: 'module', src });
  Object.assign(script.dataset, data);
  document.head.append(script);
  return script;
}

// The theme switch: pressed means dark. The inline script in <head> has already applied the stored or system theme.
const root = document.documentElement;
const toggles = document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]');
const syncToggles = () => toggles.forEach((t) => t.setAttribute('aria-pressed', String(root.dataset.theme === 'dark')));
toggles.forEach((toggle) =>
  toggle.addEventListener('click', () => {
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem('theme', root.dataset.theme);
    } catch {
      // Storage can be disabled; the switch still works for this page view.
    }
    syncToggles();
  }),
);
syncToggles();

// Copy buttons: a code block's copies its <pre>; "Copy page as Markdown" fetches the page's Markdown twin (same
// origin, so the CSP's connect-src 'self' allows it). The block's live region says whether it worked.
document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy], [data-copy-markdown]');
  const block = button?.closest('[data-copy-block], [data-copy-markdown-block]');
  if (!button || !block) return;
  const markdown = button.dataset.copyMarkdown;
  let message = markdown ? 'Copied the page as Markdown' : 'Copied';
  try {
    let text = block.querySelector('pre')?.textContent ?? '';
    if (markdown) {
      const response = await fetch(markdown);
      if (!response.ok) throw new Error(String(response.status));
      text = await response.text();
    }
    await navigator.clipboard.writeText(text);
  } catch {
    message = markdown ? 'Copy failed: open “View as Markdown” and copy it from there' : 'Copy failed: select the text and copy it by hand';
  }
  const status = block.querySelector<HTMLElement>('[data-copy-status]');
  if (status) status.textContent = message;
  button.dataset.state = message.startsWith('Copied') ? 'done' : 'failed';
  setTimeout(() => {
    if (status) status.textContent = '';
    delete button.dataset.state;
  }, 2000);
});

// The navigation drawer: where the sidebar is not shown (narrow screens, pages without a sidebar column), the menu
// button opens a modal <dialog> and the sidebar moves into it, so there is one navigation, never two copies. The
// dialog keeps focus inside, Escape closes it, and focus goes back to the menu button.
const drawer = document.querySelector<HTMLDialogElement>('[data-nav-drawer]');
const sidebar = document.querySelector<HTMLElement>('[data-sidebar]');
const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-open]');
if (drawer && sidebar && menuButton) {
  const home = sidebar.parentElement!;
  const next = sidebar.nextSibling;
  const body = drawer.querySelector<HTMLElement>('[data-nav-drawer-body]')!;
  menuButton.setAttribute('aria-expanded', 'false');
  menuButton.addEventListener('click', () => {
    body.append(sidebar);
    drawer.showModal();
    menuButton.setAttribute('aria-expanded', 'true');
    sidebar.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: 'center' });
  });
  // The dialog's close event comes a task later: every way of closing collapses the button at once (Escape through
  // the cancel event, which comes before the dialog closes), so nothing sees an expanded button over a closed drawer.
  const collapse = () => menuButton.setAttribute('aria-expanded', 'false');
  const closeDrawer = () => {
    collapse();
    drawer.close();
  };
  drawer.addEventListener('cancel', collapse);
  drawer.addEventListener('close', () => {
    home.insertBefore(sidebar, next);
    collapse();
    menuButton.focus();
  });
  drawer.querySelector('[data-menu-close]')?.addEventListener('click', closeDrawer);
  // A click on the backdrop, or on a link (it may only move within this page), closes the drawer.
  drawer.addEventListener('click', (event) => {
    if (event.target === drawer || (event.target as Element).closest('a')) closeDrawer();
  });
  // Widened past the breakpoint (a phone turned), the sidebar belongs in the page again.
  matchMedia('(min-width: 48rem)').addEventListener('change', (m) => m.matches && drawer.open && !document.querySelector('.page.wide') && closeDrawer());
}

// "On this page": the section being read is marked in both lists (aria-current) and named in the narrow screens'
// bar. It is the last heading above a line just below where a heading lands when its link is followed (its
// scroll-margin, which clears the sticky header and bar). The observer reports headings crossing that line, so
// nothing runs while a reader scrolls within a section, and nothing moves: the bar's height is fixed.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-link]')];
const inlineToc = document.querySelector<HTMLDetailsElement>('[data-toc-inline]');
const headings = [...new Set(tocLinks.map((a) => a.dataset.tocLink!))].flatMap((id) => document.getElementById(id) ?? []);
if (headings.length) {
  const currentLabel = document.querySelector<HTMLElement>('[data-toc-current]');
  let current = '';
  const line = () => parseFloat(getComputedStyle(headings[0]!).scrollMarginTop) + 48;
  const mark = () => {
    let id = headings[0]!.id;
    const at = line();
    for (const heading of headings) if (heading.getBoundingClientRect().top < at) id = heading.id;
    // Scrolled to the end, a last section too short to reach the line is the one being read.
    if (scrollY + innerHeight >= document.documentElement.scrollHeight - 2) id = headings.at(-1)!.id;
    if (id === current) return;
    current = id;
    for (const link of tocLinks) {
      if (link.dataset.tocLink === id) {
        link.setAttribute('aria-current', 'true');
        if (currentLabel) currentLabel.textContent = link.textContent;
      } else link.removeAttribute('aria-current');
    }
  };
  // The observed box runs from far above the page down to the line, so a heading is "in" it exactly while it is
  // above the line: a jump (End, a link far down) flips every heading it passes, and the mark follows.
  const observer = new IntersectionObserver(mark, { rootMargin: `1000000px 0px ${Math.min(0, line() - innerHeight)}px 0px` });
  for (const heading of headings) observer.observe(heading);
  const footer = document.querySelector('.site-footer');
  if (footer) new IntersectionObserver(mark, { threshold: [0, 0.5, 1] }).observe(footer);
}
// The bar's list closes once a section is chosen, and on Escape.
inlineToc?.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a')) inlineToc.open = false;
});
inlineToc?.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && inlineToc.open) {
    inlineToc.open = false;
    inlineToc.querySelector('summary')?.focus();
  }
});

// A deep link to something folded away (a general property in a closed group) opens its folds and scrolls to it.
const reveal = () => {
  let target: HTMLElement | null = null;
  try {
    target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch {
    // A malformed escape in the address names nothing on the page.
  }
  if (!target) return;
  let folded = false;
  for (let fold = target.closest('details'); fold; fold = fold.parentElement!.closest('details')) {
    if (!fold.open && !fold.hasAttribute('data-toc-inline')) folded = fold.open = true;
  }
  if (folded) target.scrollIntoView();
};
reveal();
addEventListener('hashchange', reveal);

// The service finder (home, directory, sidebar): its module and the index it searches load on first use. A sign-in
// kind pressed before the module has arrived stays pressed: the module reads the pressed one when it starts.
document.addEventListener('click', (event) => {
  const kind = (event.target as Element).closest('[data-finder-kind]');
  kind?.parentElement?.querySelectorAll('[data-finder-kind]').forEach((k) => k.setAttribute('aria-pressed', String(k === kind)));
});
const finders = document.querySelectorAll<HTMLElement>('[data-finder]');
let finderScript: HTMLScriptElement | undefined;
const loadFinder = () => (finderScript ??= moduleScript(serviceFinderUrl));
for (const finder of finders) {
  finder.addEventListener('focusin', loadFinder);
  finder.addEventListener('pointerdown', loadFinder);
}
// The directory opened with a search in its address (?kind=oauth) shows it at once.
if (location.search && document.querySelector('[data-finder-url-state]')) loadFinder();

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
    script = moduleScript(searchDialogUrl, { searchBundle: bundle });
    script.addEventListener('error', failed);
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

// An old deep link into the single reference page (`/reference/#prop-APIKey`) goes to the property's own page, whose
// path is the name in lower case (src/lib/site/paths.ts), keeping the anchor, so the link works as it did.
const propertyPages = document.querySelector<HTMLElement>('[data-property-pages]')?.dataset.propertyPages;
function followMovedProperty(): void {
  const name = /^#prop-([A-Za-z][A-Za-z0-9_]*)$/.exec(location.hash)?.[1];
  if (propertyPages && name) location.replace(`${propertyPages}${name.toLowerCase()}/${location.hash}`);
}
followMovedProperty();
addEventListener('hashchange', followMovedProperty);
