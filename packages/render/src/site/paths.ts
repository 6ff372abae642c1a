/** Where `fmrl build` writes the web page, from the repository root; GitHub Pages publishes its folder. */
export const siteDirectory = 'site'
export const sitePath = `${siteDirectory}/index.html`
