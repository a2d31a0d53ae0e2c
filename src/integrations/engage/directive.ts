/**
 * `client:engage`: hydrates an island when the reader starts using it (pointer down, focus or a key inside it)
 * or when it scrolls into view, whichever comes first. A reader who only reads the page above or below it
 * downloads none of its code. Keyboard users are covered by `focusin`: the island's server render holds a
 * focusable first control, and hydration keeps that node, so the focus stays where it landed. A click that
 * lands on a button before the code arrives is replayed once the island is live, so it is not lost.
 * Inlined into the page by Astro (and hashed for the CSP), so it stays tiny and imports nothing.
 */
import type { ClientDirective } from 'astro';

const triggers = ['pointerdown', 'focusin', 'keydown'] as const;

const engage: ClientDirective = (load, options, el) => {
  let started = false;
  let live = false;
  let pending: HTMLElement | null = null;
  const remember = (event: Event) => {
    if (!live) pending = event.target instanceof Element ? event.target.closest('button') : null;
  };
  const start = async () => {
    if (started) return;
    started = true;
    observer.disconnect();
    for (const type of triggers) el.removeEventListener(type, start, true);
    const hydrate = await load();
    await hydrate();
    live = true;
    el.removeEventListener('click', remember, true);
    if (pending?.isConnected) pending.click();
  };
  const value = options.value as { rootMargin?: string } | boolean | undefined;
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
    rootMargin: typeof value === 'object' ? value.rootMargin : undefined,
  });
  // The island element is `display: contents`: watch what it renders.
  for (const child of el.children) observer.observe(child);
  for (const type of triggers) el.addEventListener(type, start, { capture: true, passive: true });
  el.addEventListener('click', remember, true);
};

export default engage;
