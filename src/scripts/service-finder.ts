/**
 * The service finder (src/components/ServiceFinder.astro): added as a module <script> by site.ts on the first focus
 * or press inside a finder. It fetches the service index once (service-index.json: id, name and sign-in kinds of
 * every service, a few dozen bytes each) and runs every finder on the page: a name query and a sign-in kind give a
 * short list of links, best first, with a count and a link to the directory for the rest. While a search is on, the
 * list the finder stands for (the sidebar's services, the home page's cards) is hidden.
 */
import { authKindLabels, findServices, type AuthKind, type ServiceIndex, type ServiceIndexEntry } from '../lib/site/service-index.ts';

const kindWords: Record<AuthKind, string> = { token: 'an API key or token', oauth: 'OAuth', basic: 'a user name and password' };
const plural = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'service' : 'services'}`;

function link(entry: ServiceIndexEntry, base: string): HTMLLIElement {
  const a = document.createElement('a');
  a.className = 'finder-result';
  a.href = `${base}${entry.id}/`;
  const name = Object.assign(document.createElement('span'), { className: 'finder-name', textContent: entry.name });
  const kinds = Object.assign(document.createElement('span'), {
    className: 'finder-result-kinds',
    textContent: entry.kinds.map((k) => authKindLabels[k]).join(' · '),
  });
  a.append(name, ' ', kinds);
  const li = document.createElement('li');
  li.append(a);
  return li;
}

function setUp(finder: HTMLElement, index: ServiceIndex): void {
  const query = finder.querySelector<HTMLInputElement>('[data-finder-query]')!;
  const kinds = [...finder.querySelectorAll<HTMLButtonElement>('[data-finder-kind]')];
  const choose = (chosen: HTMLButtonElement) => kinds.forEach((k) => k.setAttribute('aria-pressed', String(k === chosen)));
  const status = finder.querySelector<HTMLElement>('[data-finder-status]')!;
  const results = finder.querySelector<HTMLUListElement>('[data-finder-results]')!;
  // The directory (/services/, base path included): its children are the service pages, its query the finder's state.
  const directory = finder.dataset.finderDirectory ?? '/services/';
  const limit = Number(finder.dataset.finderLimit ?? 8);
  const hides = finder.dataset.finderHides ? document.getElementById(finder.dataset.finderHides) : null;
  const urlState = finder.hasAttribute('data-finder-url-state');

  if (urlState) {
    const params = new URLSearchParams(location.search);
    query.value ||= params.get('q') ?? '';
    const wanted = kinds.find((k) => k.dataset.finderKind === params.get('kind'));
    if (wanted) choose(wanted);
  }

  const run = () => {
    const text = query.value.trim();
    const kind = (kinds.find((k) => k.getAttribute('aria-pressed') === 'true')?.dataset.finderKind || undefined) as AuthKind | undefined;
    const found = findServices(index, text, kind);
    const active = text !== '' || kind !== undefined;
    if (hides) hides.hidden = active;
    results.hidden = !active;
    results.replaceChildren(...found.slice(0, limit).map((entry) => link(entry, directory)));
    if (found.length > limit) {
      const more = document.createElement('a');
      more.href = `${directory}?${new URLSearchParams({ ...(text ? { q: text } : {}), ...(kind ? { kind } : {}) })}`;
      more.className = 'finder-more';
      more.textContent = `All ${plural(found.length)}`;
      const li = document.createElement('li');
      li.append(more);
      results.append(li);
    }
    // "2 services match “hr” and sign in with OAuth." / "1 service matches …" / "No service matches …".
    const one = found.length === 1 || found.length === 0;
    const what = [text && `${one ? 'matches' : 'match'} “${text}”`, kind && `${one ? 'signs' : 'sign'} in with ${kindWords[kind]}`].filter(Boolean).join(' and ');
    status.textContent = !active ? '' : `${found.length ? plural(found.length) : 'No service'} ${what}${found.length > limit ? `; the first ${limit} are listed` : ''}.`;
    if (urlState) {
      const params = new URLSearchParams({ ...(text ? { q: text } : {}), ...(kind ? { kind } : {}) });
      history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
    }
  };

  query.addEventListener('input', run);
  for (const button of kinds) {
    button.addEventListener('click', () => {
      choose(button);
      run();
    });
  }
  // Down from the field moves into the results, up and down between them, up from the first back to the field;
  // Enter in the field opens the first match.
  finder.addEventListener('keydown', (event) => {
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (event.key === 'Enter' && event.target === query && links[0]) {
      event.preventDefault();
      links[0].click();
    } else if (event.key === 'ArrowDown' && (event.target === query || at >= 0)) {
      event.preventDefault();
      links[at + 1]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (links[at - 1] ?? query).focus();
    }
  });
  run();
}

async function start(): Promise<void> {
  const finders = [...document.querySelectorAll<HTMLElement>('[data-finder]')];
  if (!finders.length) return;
  let index: ServiceIndex;
  try {
    const response = await fetch(finders[0]!.dataset.finderIndex ?? '/service-index.json');
    if (!response.ok) throw new Error(String(response.status));
    index = (await response.json()) as ServiceIndex;
  } catch {
    for (const finder of finders) {
      const status = finder.querySelector<HTMLElement>('[data-finder-status]');
      if (status) status.textContent = 'The list of services could not be loaded. Reload the page to try again.';
    }
    return;
  }
  for (const finder of finders) setUp(finder, index);
}

void start();
