/**
 * The reports' CSS. Takes: nothing. Returns: one stylesheet per page, each a
 * shared base (type, colors, header, toolbar, badges; light and dark) plus
 * the page's own rules. System fonts only: a report loads nothing.
 */

const base = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --panel: #fff; --ink: #1c2128; --muted: #5b6470; --faint: #8b949e;
  --line: #dde1e6; --line-strong: #c7ccd3; --accent: #0b63c5; --accent-soft: #e6f0fb;
  --ok: #1a7f37; --ok-soft: #dcf5e3; --warn: #8a5a00; --warn-soft: #fff3cd;
  --bad: #c4262e; --bad-soft: #fde8e8; --info: #0b63c5; --info-soft: #e6f0fb;
  --mark: #fff0a8; --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1318; --panel: #171c22; --ink: #e6e9ed; --muted: #a3acb7; --faint: #7d8793;
    --line: #2a313a; --line-strong: #3a434e; --accent: #6cb0ff; --accent-soft: #16283d;
    --ok: #5fcf80; --ok-soft: #16301f; --warn: #e8b64c; --warn-soft: #33290f;
    --bad: #ff7b72; --bad-soft: #3a1a1b; --info: #6cb0ff; --info-soft: #16283d;
    --mark: #5c4d00; --shadow: none;
  }
}
* { box-sizing: border-box; }
html { scroll-padding-top: 5.5rem; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
code, .code { font-family: var(--mono); font-size: 0.86em; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--panel); padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; top: 8px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.masthead { background: var(--panel); border-bottom: 1px solid var(--line); padding: 22px 0 18px; }
.eyebrow { margin: 0 0 4px; color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
.masthead h1 { font-size: 26px; font-weight: 700; letter-spacing: -.01em; }
.lede { margin: 4px 0 0; font-size: 15.5px; }
.scope { margin: 4px 0 0; color: var(--muted); font-size: 13.5px; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 0; padding: 0; }
.stat { min-width: 128px; padding: 9px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); }
.stat dt { color: var(--muted); font-size: 12px; font-weight: 600; }
.stat dd { margin: 2px 0 0; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.stat dd small { font-size: 12px; font-weight: 500; color: var(--muted); margin-left: 4px; }
.stat dd small { display: block; margin: 0; }
.stat.bad dd { color: var(--bad); } .stat.warn dd { color: var(--warn); } .stat.ok dd { color: var(--ok); }
.stat.locales dd { font-size: 13px; font-weight: 500; margin-top: 4px; }
.stat.locales table { border-collapse: collapse; width: auto; }
.stat.locales th, .stat.locales td { padding: 1px 6px 1px 0; border: 0; text-align: left; font-weight: 500; }
.stat.locales td.num { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.stat.locales td.bad { color: var(--bad); font-weight: 600; } .stat.locales td.warn { color: var(--warn); font-weight: 600; }
table.coverage td.bad { color: var(--bad); font-weight: 600; }
.meter svg { display: block; width: 120px; height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
.meter rect { fill: var(--ok); }
.toolbar { position: sticky; top: 0; z-index: 5; background: color-mix(in srgb, var(--panel) 94%, transparent); backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
.toolbar .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; padding-top: 10px; padding-bottom: 10px; }
.toolbar label { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-size: 13px; font-weight: 500; }
.toolbar input[type=search] {
  width: 280px; padding: 7px 30px 7px 30px; border: 1px solid var(--line-strong); border-radius: 6px; font: inherit; color: var(--ink);
  background: var(--panel) no-repeat 9px 50% / 14px url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='%238b949e' stroke-width='2'%3E%3Ccircle cx='7' cy='7' r='5'/%3E%3Cpath d='m11 11 4 4'/%3E%3C/svg%3E");
}
.toolbar select { padding: 6px 8px; border: 1px solid var(--line-strong); border-radius: 6px; font: inherit; font-size: 13px; color: var(--ink); background: var(--panel); }
.toolbar input[type=checkbox] { width: 15px; height: 15px; accent-color: var(--accent); margin: 0; }
.toolbar kbd { margin-left: -40px; margin-right: 18px; }
.toolbar input:not(:placeholder-shown) + kbd { visibility: hidden; }
.toolbar fieldset { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; border: 0; margin: 0; padding: 0; }
.toolbar legend { float: left; color: var(--muted); font-size: 13px; font-weight: 500; padding: 0; margin-right: 2px; }
.results { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; padding: 0 2px; }
.count { color: var(--muted); font-size: 13.5px; font-variant-numeric: tabular-nums; }
.results label { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-size: 13px; }
.results select { padding: 4px 6px; border: 1px solid var(--line-strong); border-radius: 6px; font: inherit; font-size: 13px; color: var(--ink); background: var(--panel); }
kbd { font-family: var(--mono); font-size: 11px; border: 1px solid var(--line-strong); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; color: var(--muted); background: var(--bg); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 999px; font-size: 11.5px; font-weight: 600; line-height: 18px; white-space: nowrap; background: var(--bg); color: var(--muted); border: 1px solid var(--line); }
.badge.error, .badge.forbidden { background: var(--bad-soft); color: var(--bad); border-color: transparent; }
.badge.warning, .badge.deprecated { background: var(--warn-soft); color: var(--warn); border-color: transparent; }
.badge.info, .badge.admitted { background: var(--info-soft); color: var(--info); border-color: transparent; }
.badge.ok, .badge.preferred { background: var(--ok-soft); color: var(--ok); border-color: transparent; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
.empty { padding: 40px; text-align: center; color: var(--muted); }
footer.foot { color: var(--faint); font-size: 12.5px; padding: 28px 0 40px; }
[hidden] { display: none !important; }
@media print { .toolbar, .index, .skip { display: none !important; } body { background: #fff; } .panel { box-shadow: none; break-inside: avoid; } }
`

const glossary = `
.layout { display: grid; grid-template-columns: 240px minmax(0, 1fr); gap: 24px; align-items: start; padding-top: 16px; }
.index { position: sticky; top: 64px; max-height: calc(100vh - 84px); overflow: auto; padding: 6px 4px 6px 0; font-size: 13.5px; }
.index h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 4px 8px 8px; }
.index ol { list-style: none; margin: 0; padding: 0; }
.index a { display: flex; align-items: center; gap: 6px; padding: 3px 8px; border-radius: 6px; color: var(--ink); }
.index a:hover { background: var(--accent-soft); text-decoration: none; }
.index .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.index .n { color: var(--faint); font-size: 12px; font-variant-numeric: tabular-nums; }
.index .unused .name { color: var(--faint); }
.dot { width: 7px; height: 7px; border-radius: 50%; flex: none; }
.dot.error { background: var(--bad); } .dot.warning { background: var(--warn); }
.concepts { display: grid; gap: 14px; min-width: 0; }
.concepts:focus { outline: none; }
.concept { padding: 18px 20px; }
.concept > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 10px; }
.concept h2 { font-size: 19px; font-weight: 650; }
.concept h2 a { color: var(--ink); }
.concept .cid { color: var(--faint); }
.concept .subject { color: var(--muted); font-size: 13px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 0 auto; padding: 0; list-style: none; }
.definition { margin: 8px 0 0; color: var(--ink); max-width: 80ch; }
.definition .label { color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; margin-right: 6px; }
table { border-collapse: collapse; width: 100%; }
.terms { margin-top: 14px; font-size: 14px; }
.terms th, .terms td { text-align: left; vertical-align: top; padding: 6px 10px; border-top: 1px solid var(--line); }
.terms thead th { border-top: 0; color: var(--muted); font-size: 12px; font-weight: 600; padding-top: 0; }
.terms tbody th { width: 56px; }
.terms td { width: 31%; }
.loc { display: inline-block; min-width: 28px; padding: 0 5px; border-radius: 4px; background: var(--bg); border: 1px solid var(--line); font: 600 11.5px/18px var(--mono); text-align: center; color: var(--muted); }
.term { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 4px; margin: 0 10px 2px 0; }
.term .text { font-weight: 600; }
.preferred-col .term .text { color: var(--ok); }
.avoided-col .term .text { color: var(--bad); text-decoration: line-through; text-decoration-thickness: 1px; }
.term .meta { color: var(--faint); font-size: 12px; }
.term .note { flex-basis: 100%; color: var(--muted); font-size: 12.5px; }
.none { color: var(--faint); }
.block { margin-top: 16px; }
.block > h3 { font-size: 13px; font-weight: 650; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; margin-bottom: 8px; }
.block > h3 .n { color: var(--faint); font-weight: 500; }
.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.finding { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; font-size: 13.5px; }
.finding .rule { font-family: var(--mono); font-size: 12px; color: var(--muted); }
.finding .at { font-family: var(--mono); font-size: 12px; }
.more { margin: -2px 0 8px; color: var(--muted); font-size: 13px; }
.occurrences { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.occurrence { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.occurrence.has-error { border-color: color-mix(in srgb, var(--bad) 45%, var(--line)); }
.occurrence.has-warning { border-color: color-mix(in srgb, var(--warn) 45%, var(--line)); }
.occurrence:target { outline: 2px solid var(--accent); }
.where { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; margin: 0 0 4px; font-size: 12.5px; color: var(--muted); }
.where a { font-family: var(--mono); font-size: 12px; }
.sentence { margin: 0; font-size: 15px; }
mark { color: inherit; border-radius: 3px; padding: 0 2px; }
mark.hit-term { background: var(--mark); }
mark.hit-variant { background: var(--warn-soft); box-shadow: inset 0 -2px 0 var(--warn); }
mark.hit-approved { background: var(--ok-soft); box-shadow: inset 0 -2px 0 var(--ok); }
mark.hit-avoided { background: var(--bad-soft); box-shadow: inset 0 -2px 0 var(--bad); }
.code { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0 3px; }
.renderings { margin: 8px 0 0; display: grid; gap: 3px; }
.rendering { display: grid; grid-template-columns: 40px 1fr; gap: 8px; align-items: baseline; padding: 3px 0 0; border-top: 1px dashed var(--line); font-size: 14px; }
.rendering dt { margin: 0; }
.rendering dd { margin: 0; }
.rendering.untranslated dd { color: var(--faint); font-style: italic; font-size: 13px; }
.rendering .via { color: var(--faint); font-size: 12px; margin-left: 6px; }
.violations { list-style: none; margin: 4px 0 2px; padding: 0; display: grid; gap: 3px; }
.violations li { font-size: 13px; display: flex; flex-wrap: wrap; gap: 2px 6px; align-items: baseline; }
.violations li > span:last-child { flex: 1 1 24em; }
.violations .rule, .finding .rule { flex: none; white-space: nowrap; font-family: var(--mono); font-size: 12px; color: var(--muted); }
@media (max-width: 900px) {
  .layout { grid-template-columns: 1fr; } .index { display: none; } .chips { margin-left: 0; }
  .toolbar { position: static; } .toolbar input[type=search] { width: 100%; } .toolbar kbd { display: none; }
  .terms td { width: auto; }
}
`

const qa = `
main.wrap { padding-top: 20px; display: grid; gap: 18px; }
section.panel { padding: 18px 20px; }
section.panel > h2 { font-size: 17px; font-weight: 650; margin-bottom: 12px; }
section.panel > h2 .n { color: var(--faint); font-weight: 500; font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-top: 1px solid var(--line); vertical-align: middle; }
thead th { border-top: 0; color: var(--muted); font-size: 12px; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: 650; background: var(--bg); }
.loc { display: inline-block; min-width: 28px; padding: 0 5px; border-radius: 4px; background: var(--bg); border: 1px solid var(--line); font: 600 11.5px/18px var(--mono); text-align: center; color: var(--muted); }
.progress { white-space: nowrap; }
.bar { display: inline-block; width: 160px; vertical-align: middle; margin-right: 10px; }
.stat .bar { width: 120px; margin: 0; }
.bar svg { display: block; width: 100%; height: 8px; border-radius: 4px; overflow: hidden; background: var(--line); }
.missing td { font-size: 13.5px; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; margin: 0 0 14px; padding: 10px 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
.filters input[type=search] { width: 320px; padding: 6px 10px; border: 1px solid var(--line-strong); border-radius: 6px; font: inherit; color: var(--ink); background: var(--panel); }
.filters fieldset { display: inline-flex; align-items: center; gap: 12px; border: 0; margin: 0; padding: 0; }
.filters legend { float: left; color: var(--muted); font-size: 13px; font-weight: 500; padding: 0; margin-right: 2px; }
.filters label { display: inline-flex; align-items: center; gap: 5px; }
.filters input[type=checkbox] { width: 15px; height: 15px; accent-color: var(--accent); margin: 0; }
.filters .count { margin-left: auto; }
.bar .translated { fill: var(--ok); } .bar .fallback { fill: var(--warn); }
.pct { font-weight: 600; }
.missing td { color: var(--bad); }
.file { border-top: 1px solid var(--line); padding-top: 12px; margin-top: 12px; }
.file:first-of-type { border-top: 0; margin-top: 0; padding-top: 0; }
.file > h3 { font-size: 14.5px; font-family: var(--mono); font-weight: 600; display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.rule-group { margin: 10px 0 0 0; }
.rule-group > h4 { margin: 0 0 4px; font-size: 13px; display: flex; gap: 8px; align-items: baseline; }
.rule-group > h4 code { font-size: 12.5px; }
.rule-group > h4 .n { color: var(--faint); font-weight: 500; }
.findings { list-style: none; margin: 0; padding: 0; }
.findings li { display: grid; grid-template-columns: 92px 74px 1fr; gap: 10px; padding: 5px 0; border-top: 1px dashed var(--line); font-size: 13.5px; align-items: baseline; }
.findings .at { font-family: var(--mono); font-size: 12px; color: var(--muted); }
.findings .ids { display: block; color: var(--faint); font-family: var(--mono); font-size: 11.5px; }
.findings .expect { display: block; color: var(--muted); font-size: 12.5px; }
.rules th code { font-size: 13px; }
.more { margin: 0 0 12px; color: var(--muted); font-size: 13px; }
.legend { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
.swatch.translated { background: var(--ok); } .swatch.fallback { background: var(--warn); } .swatch.source { background: var(--line); }
`

/** The glossary review page's stylesheet. */
export const glossaryStyle = base + glossary

/** The QA page's stylesheet. */
export const qaStyle = base + qa
