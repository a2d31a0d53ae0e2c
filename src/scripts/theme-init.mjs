// Runs inline in <head> before first paint so a stored or system dark theme never flashes light.
// Kept as a string so astro.config.mjs can hash the exact same text for the Content-Security-Policy.
export const themeInitScript =
  "(()=>{let t;try{t=localStorage.getItem('theme')}catch(e){}if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';document.documentElement.dataset.theme=t})()";
