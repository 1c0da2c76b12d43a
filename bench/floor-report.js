// Summarizes bench/floor.sh runs: per variant and N, the median over rounds of server CPU µs per event,
// round-trip p50/p99, and GC heap / RSS per idle view, each with its ratio to the floor (the bare echo).
// Usage: node floor-report.js <raw dir>   (prints a markdown section; report.js appends it when present)
'use strict';
const fs = require('fs');
const path = require('path');

function floorSection(raw) {
  const dir = path.join(raw, 'floor');
  if (!fs.existsSync(dir)) return null;
  const runs = {};
  for (const f of fs.readdirSync(dir)) {
    const m = /^(load|mem)-(\d+)-([a-z]+)-(\d+)\.json$/.exec(f);
    if (!m) continue;
    let j;
    try { j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { continue; }
    const key = `${m[1]}-${m[2]}`;
    ((runs[key] ??= {})[m[3]] ??= []).push(j);
  }
  const median = (xs) => { const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
  const fmt = (x, d = 1) => (x == null ? 'n/a' : Number(x).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  const ratio = (x, floor) => (x == null || floor == null || floor <= 0 ? 'n/a' : `${fmt(x / floor, 2)}×`);
  const order = ['floor', 'off', 'default', 'browser', 'compressed'];
  const label = { floor: 'floor (bare Kestrel echo)', off: 'Rekindle, recovery off', default: 'Rekindle, default (SQLite store)', browser: 'Rekindle, browser store', compressed: 'Rekindle, default + compression' };
  const md = ['## The floor: a bare Kestrel WebSocket echo beside Rekindle (bench/floor.sh)', ''];
  md.push('Medians over interleaved rounds (every variant once per round, in turn; the lower middle value for an even count); × floor = variant ÷ echo in the same runs.', '');
  for (const key of Object.keys(runs).filter((k) => k.startsWith('load-')).sort((a, b) => +a.split('-')[1] - +b.split('-')[1])) {
    md.push(`**${Number(key.split('-')[1]).toLocaleString('en-US')} views × 1 event/s**`, '');
    md.push('| variant | rounds | server CPU µs/event | × floor | p50 ms | p99 ms | × floor (p99) | events/s | errors |', '|---|---|---|---|---|---|---|---|---|');
    const cpu = (v) => median((runs[key][v] || []).map((j) => j.serverCpuUsPerEvent));
    const p99 = (v) => median((runs[key][v] || []).map((j) => j.roundTripMs && j.roundTripMs.p99));
    for (const v of order.filter((o) => runs[key][o])) {
      const js = runs[key][v];
      md.push(`| ${label[v]} | ${js.length} | ${fmt(cpu(v))} | ${ratio(cpu(v), cpu('floor'))} | ${fmt(median(js.map((j) => j.roundTripMs && j.roundTripMs.p50)), 2)} | ${fmt(p99(v), 2)} | ${ratio(p99(v), p99('floor'))} | ${fmt(median(js.map((j) => j.events && j.events.perSecond)), 0)} | ${js.reduce((a, j) => a + (j.errorsTotal || 0), 0)} |`);
    }
    md.push('');
  }
  for (const key of Object.keys(runs).filter((k) => k.startsWith('mem-')).sort((a, b) => +a.split('-')[1] - +b.split('-')[1])) {
    md.push(`**${Number(key.split('-')[1]).toLocaleString('en-US')} idle views** (after a forced full GC; KiB per view)`, '');
    md.push('| variant | rounds | GC heap | × floor | RSS | × floor | errors |', '|---|---|---|---|---|---|---|');
    const heap = (v) => median((runs[key][v] || []).map((j) => j.memoryPerView && j.memoryPerView.gcHeapAfterFullGcBytes / 1024));
    const rss = (v) => median((runs[key][v] || []).map((j) => j.memoryPerView && (j.memoryPerView.rssAfterFullGcBytes ?? j.memoryPerView.workingSetAfterFullGcBytes) / 1024));
    for (const v of order.filter((o) => runs[key][o])) {
      const js = runs[key][v];
      md.push(`| ${label[v]} | ${js.length} | ${fmt(heap(v))} | ${ratio(heap(v), heap('floor'))} | ${fmt(rss(v))} | ${ratio(rss(v), rss('floor'))} | ${js.reduce((a, j) => a + (j.errorsTotal || 0), 0)} |`);
    }
    md.push('');
  }
  return md.join('\n');
}

module.exports = { floorSection };
if (require.main === module) {
  const section = floorSection(process.argv[2]);
  if (!section) { console.error(`no floor/ runs under ${process.argv[2]}`); process.exit(1); }
  console.log(section);
}
