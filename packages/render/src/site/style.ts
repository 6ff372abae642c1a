/**
 * The page's style sheet. Every colour is one `light-dark()` pair, so the light and dark themes
 * cannot drift apart; `color-scheme` follows the system unless the reader picked a theme
 * (`data-theme` on the root). Text colours hold 4.5:1 on their backgrounds in both themes.
 */
export const pageColours = {
  bg: {light: '#ffffff', dark: '#0d1117'},
  panel: {light: '#f6f8fa', dark: '#151b23'},
  fg: {light: '#1f2328', dark: '#e6edf3'},
  muted: {light: '#59636e', dark: '#9198a1'},
  link: {light: '#0550ae', dark: '#4493f8'},
  focus: {light: '#0969da', dark: '#58a6ff'},
  line: {light: '#d1d9e0', dark: '#3d444d'}
} as const satisfies Record<string, {light: string; dark: string}>

/** The colours text is set in, and the backgrounds it is set on (a test holds each pair to 4.5:1). */
export const textColours = ['fg', 'muted', 'link'] as const
export const backgroundColours = ['bg', 'panel'] as const

const variables = Object.entries(pageColours).map(([name, colour]) => `--${name}:light-dark(${colour.light},${colour.dark})`).join(';')

export const pageStyle = `
:root{color-scheme:light dark;${variables}}
:root[data-theme=light]{color-scheme:light}
:root[data-theme=dark]{color-scheme:dark}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px;z-index:2}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 16px}
header{padding-top:16px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
h2{font-size:1.3rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:20px 0 4px}
.paper{margin:0 0 8px;color:var(--muted)}
.bar{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}
button{font:inherit;color:inherit;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:4px 10px;cursor:pointer}
.layout{display:grid;grid-template-columns:minmax(220px,260px) minmax(0,1fr);gap:16px;align-items:start}
#filter-panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:8px 12px}
#filter-panel>summary{font-weight:600;cursor:pointer}
#filters label.search{display:block;margin:8px 0 4px;font-weight:600}
#search{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
fieldset{border:0;margin:12px 0 0;padding:0;min-width:0}
legend{font-weight:600;padding:0 0 2px;width:100%;border-bottom:1px solid var(--line)}
.lead{display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
fieldset ul{list-style:none;margin:2px 0 0;padding:0}
fieldset li label{display:flex;gap:6px;align-items:baseline;font-size:.9rem;cursor:pointer}
fieldset input{margin:0;flex:none;align-self:center}
.symbol{min-width:2.6em;font-weight:600}
.count{color:var(--muted);margin-left:auto;padding-left:4px}
#clear{margin-top:10px}
#status{margin:0 0 8px;font-weight:600}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.88rem}
caption{text-align:left;padding:6px 8px;color:var(--muted)}
th,td{padding:5px 6px;border-top:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--panel);border-top:0;vertical-align:bottom}
thead button{border:0;background:none;padding:0;font-weight:600;text-align:left}
thead button .arrow::after{content:"\\a0\\2195";color:var(--muted)}
th[aria-sort=ascending] .arrow::after{content:"\\a0\\2191";color:var(--fg)}
th[aria-sort=descending] .arrow::after{content:"\\a0\\2193";color:var(--fg)}
tbody th{font-weight:600;position:sticky;left:0;background:var(--bg)}
thead th:first-child{left:0;z-index:1}
tbody td:nth-child(2){min-width:6.5em}
tr[hidden]{display:none}
.chart{max-width:100%;height:auto;font-size:13px}
.chart text{fill:currentColor}
.chart .grid{stroke:var(--line)}
.chart .edge{fill:none;stroke:var(--muted)}
.chart .role,.chart .total{font-weight:700}
.chart a text{fill:var(--link)}
.figure{overflow-x:auto}
.figure+.table-wrap table,#charts table{width:auto}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:4px 0}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:6px;vertical-align:-.1em;border-radius:2px}
.entries li{margin:6px 0}
footer{margin-top:32px;padding-bottom:32px;color:var(--muted);font-size:.9rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:8px;border-radius:6px;font-size:.8rem}
math{font-size:1.05em}
@media (max-width:760px){
.layout{grid-template-columns:minmax(0,1fr)}
header,main,footer{padding-left:10px;padding-right:10px}
h1{font-size:1.3rem}
.taxonomy{max-width:none}
}
`
