/**
 * The search dialog, on Pagefind's JavaScript API (pagefind.js) rather than its Component UI: the first query then
 * loads only the engine, the metadata, the index chunks of the words typed and the fragments of the results shown.
 * Filter values load when the filters are opened, fragments for further results when they are asked for. Added
 * as a module <script> by site.ts on first use (button, Ctrl/⌘K or `/`): it opens the dialog as soon as it is
 * ready, again on each `search:open` event, and dispatches `search:failed` if the index cannot be loaded.
 */
import { minimumQueryLength, shortQueryText, summaryText, toHits, withoutShown, type Hit, type ResultData } from '../lib/search/hits.ts';

type Filters = Record<string, Record<string, number>>;
type Result = { id: string; data(): Promise<ResultData> };
type Response = { results: Result[]; filters: Filters } | null;
type Pagefind = {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options: object, ms: number): Promise<Response>;
  preload(term: string, options: object): Promise<void>;
  filters(): Promise<Filters>;
};

/** Filters as the dialog offers them: Pagefind filter key and its label. */
const FILTERS = [
  ['service', 'Service'],
  ['category', 'Category'],
  ['method', 'Auth method'],
] as const;

/**
 * Results filled in at once, then per "Show more results" (or ArrowDown past the last one): each needs its fragment,
 * and a page's fragment (its whole text, for the excerpt) is 2–3 kB, the largest part of a first query after the
 * engine and the index chunk. A property result shows as up to four cards (reference and service rows).
 */
const PAGE_SIZE = 3;

/** An element with properties (className, textContent, href…) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: object = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** One card: the link (its title, and for a property the page it opens), context, excerpt and matching sections. */
function card(hit: Hit): HTMLLIElement {
  const link = el('a', { className: 'search-result-link', href: hit.href }, el('span', { className: 'search-result-title', textContent: hit.title }));
  // The page a property card opens is part of the link's text: four "OAuthClientSecret" links read apart.
  if (hit.where) link.append(el('span', { className: 'visually-hidden', textContent: ', ' }), el('span', { className: 'search-result-where', textContent: hit.where }));
  const item = el('li', { className: 'search-result' }, link);
  if (hit.context) item.append(el('p', { className: 'search-context', textContent: hit.context }));
  if (hit.excerptHtml) {
    const excerpt = el('p', { className: 'search-excerpt' });
    // Pagefind escapes the page text and adds only <mark>: the one place HTML from the index is used.
    excerpt.innerHTML = hit.excerptHtml;
    item.append(excerpt);
  }
  if (hit.sections.length) {
    item.append(el('ul', { className: 'search-sections' }, ...hit.sections.map((s) => el('li', {}, el('a', { href: s.href, textContent: s.title })))));
  }
  return item;
}

/**
 * One result as one item of the list, so the list has as many items as the summary counts results: a page is one
 * card, a property its reference entry and its service rows, the first card in full and the others beneath it.
 */
function group(hits: Hit[]): HTMLLIElement {
  return el('li', { className: 'search-group' }, el('ul', { className: 'search-cards' }, ...hits.map(card)));
}

export async function createSearchDialog(bundle: string, opener: HTMLButtonElement) {
  // The site's base path: the bundle is <base>pagefind/.
  const base = bundle.replace(/pagefind\/$/, '');
  const servicePage = (id: string) => `${base}services/${id}/`;
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  // No worker: the worker script is a second copy of the engine (12 kB more) for searches that take milliseconds.
  await pagefind.options({
    noWorker: true,
    excerptLength: 24,
    // Ranking for a reference site: short property records beat long pages that mention the same words.
    ranking: { pageLength: 1, termFrequency: 0.5, termSaturation: 1.2, termSimilarity: 9, metaWeights: { title: 5, row: 0, scope: 0, services: 0, serviceCount: 0, own: 0 } },
  });
  await pagefind.init();

  const input = el('input', { type: 'search', className: 'search-input', placeholder: 'Property, service or setting', autocomplete: 'off', spellcheck: false });
  input.setAttribute('aria-label', 'Search the documentation');
  const summary = el('p', { className: 'search-summary', id: 'search-summary' });
  summary.setAttribute('role', 'status');
  input.setAttribute('aria-describedby', summary.id);
  const list = el('ul', { className: 'search-results' });
  list.setAttribute('aria-label', 'Results');
  const more = el('button', { type: 'button', className: 'search-more', hidden: true, textContent: 'Show more results' });
  const close = el('button', { type: 'button', className: 'search-close', textContent: 'Close' });
  const toggle = el('button', { type: 'button', className: 'search-filters-toggle', textContent: 'Filters' });
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'search-filters');
  const selects = new Map<string, HTMLSelectElement>();
  const panel = el('div', { className: 'search-filters', id: 'search-filters', hidden: true });
  for (const [key, label] of FILTERS) {
    const select = el('select', { name: key }, el('option', { value: '', textContent: 'Any' }));
    selects.set(key, select);
    panel.append(el('label', { className: 'search-filter' }, `${label} `, select));
  }
  const dialog = el(
    'dialog',
    { className: 'search-dialog' },
    el(
      'div',
      { className: 'search-box' },
      el('div', { className: 'search-head' }, input, close),
      el('div', { className: 'search-tools' }, toggle, panel),
      summary,
      list,
      more,
      el('p', { className: 'search-hints', textContent: '↑ ↓ move between results · Enter opens · Esc closes' }),
    ),
  );
  dialog.setAttribute('aria-label', 'Search');
  document.body.append(dialog);

  let results: Result[] = [];
  let shown = 0;
  let generation = 0;
  let filterCounts: Filters | undefined;

  const resultLinks = () => [...list.getElementsByClassName('search-result-link')] as HTMLAnchorElement[];

  const chosenFilters = () => {
    const chosen: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) chosen[key] = select.value;
    return chosen;
  };

  /** Option labels with the counts of the current query (or of the whole index before any query). */
  const labelOptions = (counts: Filters) => {
    for (const [key, select] of selects) {
      const values = counts[key] ?? {};
      const current = select.value;
      const names = Object.keys(values).sort((a, b) => a.localeCompare(b));
      const options = names.map((name) => el('option', { value: name, textContent: `${name} (${values[name]})` }));
      select.replaceChildren(el('option', { value: '', textContent: 'Any' }), ...options);
      // A chosen value stays chosen (and listed) even when the current query has no result for it.
      if (current && !names.includes(current)) select.append(el('option', { value: current, textContent: `${current} (0)` }));
      select.value = current;
    }
  };

  /** Shows the next results; `replace`: the first ones of a new query, which take the old query's place in one step. */
  const showMore = async (replace = false) => {
    const mine = generation;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = true;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    const shownLinks = new Set(replace ? [] : resultLinks().map((a) => a.getAttribute('href') ?? ''));
    const groups = data.map((d) => group(withoutShown(toHits(d, { servicePage }), shownLinks)));
    if (replace) list.replaceChildren(...groups);
    else list.append(...groups);
    more.hidden = shown >= results.length;
    more.textContent = `Show more results (${(results.length - shown).toLocaleString('en')} more)`;
  };

  const run = async () => {
    const mine = ++generation;
    const term = input.value.trim();
    if (term.length < minimumQueryLength) {
      results = [];
      list.replaceChildren();
      summary.textContent = shortQueryText(term);
      more.hidden = true;
      return;
    }
    const response = await pagefind.debouncedSearch(term, { filters: chosenFilters() }, 120);
    if (!response || mine !== generation) return;
    results = response.results;
    shown = 0;
    if (filterCounts) labelOptions(response.filters);
    // The old query's results stay until the new ones are in: the list never flashes empty between two queries.
    await showMore(true);
    if (mine === generation) summary.textContent = summaryText(term, results.length);
  };

  input.addEventListener('input', () => void run());
  more.addEventListener('click', () => {
    // Focus moves to the first new card (a result can be several cards, so count cards, not results).
    const next = resultLinks().length;
    void showMore().then(() => resultLinks()[next]?.focus());
  });
  close.addEventListener('click', () => closeDialog());
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    // The filter files list every value's results: they load here, when asked for, not with the first query.
    if (open && !filterCounts) {
      filterCounts = await pagefind.filters();
      labelOptions(filterCounts);
      if (input.value.trim()) void run();
    }
  });
  for (const select of selects.values()) select.addEventListener('change', () => void run());

  // Arrow keys move between the field and the result links; Enter follows a link as links do. One Escape closes, as the
  // hint says, wherever the focus is: in a search field Chromium's first Escape would only clear the query.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeDialog();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLSelectElement) return;
    const links = resultLinks();
    if (!links.length || (target !== input && !links.includes(target as HTMLAnchorElement))) return;
    const at = links.indexOf(target as HTMLAnchorElement);
    const down = event.key === 'ArrowDown';
    let next: HTMLElement | undefined;
    if (target === input) next = down ? links[0] : undefined;
    else if (at >= 0) next = down ? links[at + 1] : at === 0 ? input : links[at - 1];
    event.preventDefault();
    if (next) next.focus();
    // Past the last result: load the next ones and move onto the first of them.
    else if (down && at === links.length - 1 && !more.hidden) void showMore().then(() => resultLinks()[at + 1]?.focus());
  });

  let returnFocus: HTMLElement | null = null;
  // The dialog's close event comes a task later; our own ways of closing collapse the button at once, so nothing
  // (a screen reader, a quick second key) sees an expanded button over a closed dialog.
  function closeDialog() {
    opener.setAttribute('aria-expanded', 'false');
    dialog.close();
  }
  dialog.addEventListener('close', () => {
    opener.setAttribute('aria-expanded', 'false');
    returnFocus?.focus();
  });
  // A click on the backdrop (the dialog itself has no padding: its box is .search-box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) closeDialog();
  });

  return {
    open() {
      if (dialog.open) return input.focus();
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      opener.setAttribute('aria-expanded', 'true');
      dialog.showModal();
      input.focus();
      input.select();
    },
  };
}

/** Started by site.ts's <script data-search-bundle>; the opener is the header's Search button. */
async function start() {
  const script = document.querySelector<HTMLScriptElement>('script[data-search-bundle]');
  const opener = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (!script || !opener) return;
  try {
    const dialog = await createSearchDialog(script.dataset.searchBundle ?? '/pagefind/', opener);
    document.addEventListener('search:open', () => dialog.open());
    dialog.open();
  } catch {
    document.dispatchEvent(new CustomEvent('search:failed'));
  }
}

void start();
