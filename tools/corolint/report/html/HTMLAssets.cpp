//===--- HTMLAssets.cpp - the style sheet and script of the HTML report ---===//
//
// Inlined into every page, so that a report is one folder that works
// offline, from file://, under a Content-Security-Policy that allows no
// network access at all. Colours are GitHub's Primer palettes (light and
// dark), checked for WCAG AA contrast (4.5:1) on every background they
// are used on.
//
//===----------------------------------------------------------------------===//

#include "HTML.h"

namespace corolint::scanner::html {

const char *const ReportCSS = R"css(
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0;
  --panel: #f6f8fa; --link: #0969da; --accent-fg: #ffffff;
  --hit: #fff8c5; --hit-edge: #9a6700; --step: #ddf4ff; --step-edge: #0969da;
  --warning: #9a6700; --error: #cf222e;
  --del: #ffebe9; --del-strong: #ffcecb; --ins: #dafbe1; --ins-strong: #aceebb;
  --k: #cf222e; --s: #0a3069; --c: #59636e; --n: #0550ae; --co: #6639ba; --p: #953800;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d;
    --panel: #151b23; --link: #4493f8; --accent-fg: #0d1117;
    --hit: #33290d; --hit-edge: #d29922; --step: #0c2d4b; --step-edge: #4493f8;
    --warning: #d29922; --error: #f85149;
    --del: #3c1618; --del-strong: #67060c; --ins: #12261e; --ins-strong: #0f5323;
    --k: #ff7b72; --s: #a5d6ff; --c: #9198a1; --n: #79c0ff; --co: #d2a8ff; --p: #ffa657;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
@media (min-width: 2400px) { html { font-size: 125%; } }
@media (min-width: 3200px) { html { font-size: 150%; } }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible,
[tabindex]:focus-visible, .finding:focus {
  outline: 3px solid var(--link); outline-offset: 2px;
}
.skip { position: absolute; left: -100vw; top: .5rem; z-index: 10; padding: .5rem 1rem;
  background: var(--bg); color: var(--link); border: 2px solid var(--link); border-radius: 6px; }
.skip:focus { left: .5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header.top { background: var(--panel); border-bottom: 1px solid var(--border); }
header.top nav { max-width: 110rem; margin: 0 auto; padding: .6rem 1rem;
  display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
header.top a { font-weight: 600; text-decoration: none; }
header.top a[aria-current] { color: var(--fg); }
header.top a:hover { text-decoration: underline; }
main { display: block; max-width: 110rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
main.prose { max-width: 52rem; }
main:focus { outline: none; }
footer { max-width: 110rem; margin: 0 auto; padding: 1rem; color: var(--muted);
  border-top: 1px solid var(--border); font-size: .875rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p, li, td, th, dd { overflow-wrap: break-word; }
td .check, td code { white-space: nowrap; }
@media (max-width: 48rem) { td .check, td code { white-space: normal; overflow-wrap: anywhere; } }
code, pre, kbd, .src, .diff { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas,
  "Liberation Mono", "DejaVu Sans Mono", monospace; }
code, kbd { font-size: .875em; }
p code, li code, td code, h2 code, h3 code, dd code {
  background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 0 .25em; }
.diff code, .src code, pre code { background: none; border: 0; border-radius: 0; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em;
  background: var(--panel); }
.muted { color: var(--muted); }
.cite { white-space: nowrap; }
/* Syntax colours. */
.k { color: var(--k); }
.s { color: var(--s); }
.c { color: var(--c); font-style: italic; }
.n { color: var(--n); }
.p { color: var(--p); }
.co { color: var(--co); font-weight: 700; }
/* Summary cards. */
dl.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem;
  margin: 0 0 1.5rem; }
dl.totals div { border: 1px solid var(--border); border-radius: 6px; padding: .6rem .9rem; background: var(--panel); }
dl.totals dt { color: var(--muted); font-size: .875rem; }
dl.totals dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
/* Tables. */
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 0 0 .5rem; }
th, td { padding: .45rem .6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { border-bottom-width: 2px; white-space: nowrap; }
th.num, td.num, td[align=right], th[align=right] { text-align: right; }
td[align=center], th[align=center] { text-align: center; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: .1rem .2rem;
  margin: -.1rem -.2rem; cursor: pointer; border-radius: 4px; }
th button::after { content: " \2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \25B2"; color: inherit; }
th[aria-sort="descending"] button::after { content: " \25BC"; color: inherit; }
tr[hidden] { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 0 0 .75rem; }
.controls[hidden] { display: none; }
.controls label { display: flex; flex-direction: column; font-size: .875rem; color: var(--muted); gap: .15rem; }
.controls select, .controls input { font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px; padding: .3rem .5rem; min-width: 12rem; max-width: 100%; }
.controls output { color: var(--muted); padding-bottom: .35rem; }
@media (max-width: 48rem) {
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { display: block; border-bottom: 1px solid var(--border); padding: .5rem 0; }
  table.cards td { display: block; border: 0; padding: .1rem 0; text-align: left; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
.badge { display: inline-block; border-radius: 2em; padding: 0 .6em; font-size: .8rem; font-weight: 700;
  color: var(--accent-fg); background: var(--warning); text-transform: uppercase; letter-spacing: .03em; }
.badge.error { background: var(--error); }
.badge.fix, .badge.suggested { text-transform: none; background: var(--panel); color: var(--fg);
  border: 1px solid var(--border); }
/* Scan details: a compact definition list that wraps long values. */
details.scan { margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dl.meta div { display: contents; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
/* Source listing. */
.src { border: 1px solid var(--border); border-radius: 6px; background: var(--panel); font-size: .875rem;
  line-height: 1.45; padding: .25rem 0; }
.l { display: flex; }
.l::before { content: attr(data-n); flex: 0 0 auto; min-width: 5.5ch; padding: 0 1ch; text-align: right;
  color: var(--muted); user-select: none; -webkit-user-select: none; }
.l code { flex: 1 1 auto; min-width: 0; padding: 0 1ch; white-space: pre-wrap; overflow-wrap: anywhere;
  tab-size: 4; font-size: inherit; }
.l.hit { background: var(--hit); }
.l.hit::before { box-shadow: inset 4px 0 var(--hit-edge); color: var(--fg); font-weight: 700; }
.l.step { background: var(--step); }
.l.step::before { box-shadow: inset 4px 0 var(--step-edge); color: var(--fg); }
.l:target { outline: 2px solid var(--link); outline-offset: -2px; }
.at { text-decoration: underline wavy var(--hit-edge); text-decoration-skip-ink: none; text-underline-offset: 3px; }
.stepnote { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .6rem;
  margin: .15rem 1ch .35rem 6.5ch; padding: .2rem .6rem; font: .9rem/1.45 system-ui, sans-serif;
  background: var(--bg); border: 1px solid var(--border); border-left: 4px solid var(--step-edge); border-radius: 6px; }
.bubble, ol.steps > li::before { display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: .8rem;
  background: var(--step-edge); color: var(--accent-fg); text-align: center; font: 700 .85rem/1.6rem system-ui, sans-serif;
  text-decoration: none; padding: 0 .3rem; }
.finding { margin: .4rem 1ch .8rem 6.5ch; padding: .75rem 1rem; background: var(--bg);
  border: 1px solid var(--border); border-left: 4px solid var(--hit-edge); border-radius: 6px;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; scroll-margin-top: 1rem; }
.finding.error { border-left-color: var(--error); }
.finding:target { box-shadow: 0 0 0 3px var(--link); }
.finding h3 { font-size: 1rem; margin: 0 0 .35rem; display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: center; }
.finding .msg { margin: 0 0 .35rem; font-weight: 600; }
.finding .meta { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; }
.finding h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
ol.steps { list-style: none; counter-reset: step; padding: 0; margin: .25rem 0; }
ol.steps > li { counter-increment: step; position: relative; padding-left: 2.4rem; margin: .4rem 0; min-height: 1.6rem; }
ol.steps > li::before { content: counter(step); position: absolute; left: 0; top: 0; }
ol.steps > li:target { background: var(--step); border-radius: 6px; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .85rem; }
/* Fix-its as diffs. */
.fix { margin: .5rem 0 0; }
.fix p { margin: .25rem 0; font-size: .9rem; color: var(--muted); }
.diff { border: 1px solid var(--border); border-radius: 6px; font-size: .85rem; line-height: 1.45; overflow: hidden; }
.diff .d { display: flex; }
.diff .d::before { content: attr(data-sign); flex: 0 0 2.5ch; text-align: center; user-select: none; -webkit-user-select: none; }
.diff .d code { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 .5ch; tab-size: 4; font-size: inherit; }
.diff .del { background: var(--del); }
.diff .ins { background: var(--ins); }
.diff del { background: var(--del-strong); text-decoration: line-through; text-decoration-color: var(--muted); }
.diff ins { background: var(--ins-strong); text-decoration: none; }
.diff .file { padding: .2rem .6rem; background: var(--panel); border-bottom: 1px solid var(--border); font-size: .8rem; }
/* Prose (the guide and the check pages). */
pre.code { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .75rem 1rem;
  overflow-x: auto; font-size: .85rem; line-height: 1.45; tab-size: 4; }
pre.code code { font-size: inherit; }
.prose h1, .prose h2, .prose h3 { scroll-margin-top: 1rem; }
.prose table { margin: 0; }
nav.toc ul { padding-left: 1.25rem; }
.hint { color: var(--muted); font-size: .9rem; }
@media (max-width: 40rem) {
  main { padding: .75rem .5rem 1.5rem; }
  .finding, .stepnote { margin-left: .5rem; margin-right: .5rem; }
  .l::before { min-width: 4ch; padding: 0 .5ch; }
  .l code { padding: 0 .5ch; }
}
@media print {
  header.top, .skip, .controls, footer .hint { display: none; }
  .l, .finding { break-inside: avoid; }
}
)css";

const char *const ReportJS = R"js(
(function () {
  'use strict';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  // Sortable tables: the buttons in their headers sort by the cells'
  // data-sort (or text); ties keep the report's order.
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    each(body.rows, function (row, i) { row.dataset.order = i; });
    each(heads, function (th, column) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        each(heads, function (h) { if (h.querySelector('button')) h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.dataset.type === 'number';
        var key = function (row) {
          var cell = row.cells[column];
          var value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
          return numeric ? parseFloat(value) || 0 : value.toLowerCase();
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? x - y : x < y ? -1 : x > y ? 1 : 0;
          if (!ascending) order = -order;
          return order || a.dataset.order - b.dataset.order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // The index's filters: by check (also from #check=<name>), severity, path,
  // whether a fix exists, and text.
  var controls = document.getElementById('filters');
  if (controls) {
    controls.hidden = false;
    var select = document.getElementById('check-filter');
    var search = document.getElementById('text-filter');
    var level = document.getElementById('level-filter');
    var pathText = document.getElementById('path-filter');
    var withFix = document.getElementById('fix-filter');
    var status = document.getElementById('filter-status');
    var findings = document.querySelectorAll('#findings-table tbody tr');
    var files = document.querySelectorAll('#files-table tbody tr');
    var apply = function () {
      var check = select.value, text = search.value.trim().toLowerCase(), shown = 0;
      var severity = level.value, inPath = pathText.value.trim().toLowerCase();
      each(findings, function (row) {
        var visible = (!check || row.dataset.check === check) &&
          (!severity || row.dataset.level === severity) &&
          (!inPath || row.dataset.path.toLowerCase().indexOf(inPath) >= 0) &&
          (!withFix.checked || !!row.dataset.fix) &&
          (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
        row.hidden = !visible;
        if (visible) shown++;
      });
      each(files, function (row) {
        var counts = JSON.parse(row.dataset.counts || '{}'), count = 0;
        for (var name in counts) if (!check || name === check) count += counts[name];
        row.hidden = count === 0 && !!check;
        var cell = row.querySelector('.count');
        cell.textContent = count;
        cell.dataset.sort = count;
      });
      status.textContent = shown + ' of ' + findings.length + ' findings shown';
    };
    var fromHash = function () {
      var match = /^#check=(.*)$/.exec(location.hash);
      if (!match) return false;
      var name = '';
      try { name = decodeURIComponent(match[1]); } catch (e) { /* A malformed fragment selects nothing. */ }
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === name; });
      select.value = known ? name : '';
      apply();
      return true;
    };
    select.addEventListener('change', function () {
      apply();
      if (history.replaceState)
        history.replaceState(null, '', select.value ? '#check=' + encodeURIComponent(select.value)
                                                    : location.pathname + location.search);
    });
    search.addEventListener('input', apply);
    level.addEventListener('change', apply);
    pathText.addEventListener('input', apply);
    withFix.addEventListener('change', apply);
    window.addEventListener('hashchange', function () {
      if (fromHash()) document.getElementById('findings').scrollIntoView();
    });
    if (!fromHash()) apply();
  }

  // j / k: next / previous finding.
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.key !== 'j' && event.key !== 'k') return;
    var target = event.target;
    if (target.closest && target.closest('input, select, textarea, [contenteditable]')) return;
    var items = Array.prototype.filter.call(document.querySelectorAll('[data-nav]'), function (el) {
      return !el.closest('[hidden]');
    });
    if (!items.length) return;
    var active = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('[data-nav]') : null;
    var index = items.indexOf(active), next;
    if (index < 0) {
      // Nothing focused yet: start from what is on screen.
      var below = items.findIndex(function (el) { return el.getBoundingClientRect().top > 1; });
      if (below < 0) below = items.length;
      next = event.key === 'j' ? Math.min(below, items.length - 1) : Math.max(below - 1, 0);
    } else {
      next = event.key === 'j' ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
    }
    event.preventDefault();
    items[next].focus({ preventScroll: true });
    items[next].scrollIntoView({ block: 'center' });
  });
})();
)js";

} // namespace corolint::scanner::html
