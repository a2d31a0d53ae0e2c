// Runs inline before first paint so a stored or system dark theme never flashes light, and marks the page
// as scripted (data-js) so CSS can reserve room for islands that will render (no layout shift when they do).
// Kept as a string so astro.config.mjs can hash the exact same text for the Content-Security-Policy.
export const themeInitScript =
  "(()=>{let t;try{t=localStorage.getItem('theme')}catch(e){}if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';const d=document.documentElement;d.dataset.theme=t;d.dataset.js=''})()";
