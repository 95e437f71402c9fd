/** The style sheet of the HTML report (inline; system fonts only, nothing fetched). */
export const PAGE_STYLE = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --holds: #1a7f37; --violated: #cf222e; --vacuous: #9a6700; --unknown: #6e7781; --changed: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
header { padding: 16px 24px 8px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 22px 0 8px; }
main { padding: 0 24px 40px; max-width: 1400px; }
header p { margin: 2px 0; color: var(--muted); }
nav { margin-top: 8px; }
nav a { color: #0969da; text-decoration: none; }
code, pre, .state td, .state th { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
.cites { color: var(--muted); white-space: nowrap; font-weight: normal; }
table.verdicts td.verdict { font-weight: 600; white-space: nowrap; }
tr.v-holds td.verdict { color: var(--holds); }
tr.v-violated td.verdict { color: var(--violated); }
tr.v-vacuous td.verdict { color: var(--vacuous); }
tr.v-unknown td.verdict { color: var(--unknown); }
tr.v-violated { background: #fff5f5; }
tr.v-vacuous { background: #fffbea; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; }
.badge.v-holds { background: var(--holds); } .badge.v-violated { background: var(--violated); }
.badge.v-vacuous { background: var(--vacuous); } .badge.v-unknown { background: var(--unknown); }
.why, .explanation { color: var(--violated); }
.note, .hint, .legend, .missing { color: var(--muted); }
.vacuity { border-left: 4px solid var(--vacuous); padding: 2px 12px; background: #fffbea; }
article.cx { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
.stepper { outline: none; border-radius: 4px; padding: 6px; }
.stepper:focus-visible, .stepper:focus-within { box-shadow: 0 0 0 2px #0969da55; }
.controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
.controls button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; background: #f6f8fa; cursor: pointer; }
.controls button:disabled { opacity: 0.4; cursor: default; }
.controls .skip { background: #ddf4ff; }
.counter { font-weight: 600; min-width: 9em; text-align: center; }
.step-head { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 6px 0; }
.step-label { font-weight: 700; }
.step-cites { color: var(--muted); }
.milestone { margin: 4px 0; padding: 2px 8px; background: #ddf4ff; border-left: 4px solid #0969da; }
.tables { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
table.state th.ghost { color: var(--muted); font-style: italic; }
table.state td.changed { background: var(--changed); font-weight: 700; }
table.state td .was { display: block; font-weight: normal; color: var(--muted); font-size: 11px; text-decoration: line-through; }
.explanation { font-weight: 600; margin: 8px 0; }
.step-list { margin: 4px 0; padding-left: 36px; columns: 2 360px; }
.step-list button { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 0; background: none; cursor: pointer; padding: 0; color: #0969da; text-align: left; }
.step-list li.current button { font-weight: 700; color: var(--fg); background: var(--changed); }
.step-list .ms { color: #0969da; }
.diagram .svg { overflow-x: auto; max-width: 100%; }
.diagram .svg svg { max-width: none !important; height: auto; }
pre.mermaid-source { background: #f6f8fa; padding: 8px; overflow-x: auto; }
.scroll { overflow-x: auto; }
table.matrix th.prop { height: 190px; white-space: nowrap; vertical-align: bottom; padding: 4px 2px; }
table.matrix th.prop span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; font-weight: 500; font-size: 12px; }
table.matrix td { text-align: center; min-width: 26px; }
table.matrix td.outcome { text-align: left; min-width: 320px; color: var(--muted); }
table.matrix th.row { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; font-weight: 500; }
table.matrix caption { text-align: left; color: var(--muted); padding: 4px 0; }
td.m-holds { color: var(--holds); }
td.m-violated { color: #fff; background: var(--violated); font-weight: 700; }
td.m-violated-at-baseline { color: var(--violated); }
td.m-unknown { color: var(--unknown); }
table.plain td { font-size: 13px; }
`;
