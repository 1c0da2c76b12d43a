// Builds bench/results/<date>.md from the raw JSON of one bench/run.sh run.
// Usage: node report.js <raw dir> <output.md> [key=value ...]   (key=value: metadata lines for the header)
'use strict';
const fs = require('fs');
const path = require('path');

const RAW = process.argv[2];
const OUT = process.argv[3];
const META = Object.fromEntries(process.argv.slice(4).map((kv) => { const i = kv.indexOf('='); return [kv.slice(0, i), kv.slice(i + 1)]; }));

function load(rel) {
  const p = path.join(RAW, rel);
  try { return JSON.parse(fs.readFileSync(p, 'utf8')); } catch { return null; }
}
const get = (o, ...keys) => keys.reduce((a, k) => (a == null ? undefined : a[k]), o);
const fmt = (x, digits = 0) => (x == null || Number.isNaN(x) ? 'n/a' : Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const kib = (bytes, digits = 1) => (bytes == null ? null : bytes / 1024);
const median = (xs) => { const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };

// Numbers from ../shared/docs/blazor-baseline.md (measured 2026-11-24 on this machine type), for when
// the fresh Blazor run is missing and as a cross-check of it.
const DOC = {
  counterInitial: 4510, ballotInitial: 9230, click: 588, radioFirst: 1620, radioOtherGroup: 1609, radioChange: 1634,
  textCommit: 1547, submit: 1940, clickTcpLater: 47, clickTcpFirst: 326,
  counterHeap1000: 104.9, counterRss1000: 385.3, ballotHeap1000: 130.3, ballotRss1000: 447.6, counterHeap5000: 104.1, counterRss5000: 392.3,
  latCounterMedian: 1.2, latCounterP99: 3.6, latBallotMedian: 1.5, latBallotP99: 4.7,
};

const fd = require('./floor-report.js').floorData(RAW);
const rows = [];
const notes = [];
const section = (title, rest) => rows.push(`| **${title}** ${rest} | | | | | | |`);
// floor: the bare echo's number for the same quantity (floor section medians); × floor = Rekindle ÷ floor.
function row(metric, blazor, doc, rekindle, opts = {}) {
  const { digits = 0, lowerIsBetter = true, target = '', floor = null } = opts;
  const b = blazor != null ? blazor : null;
  const ref = b != null ? b : doc;
  let ratio = 'n/a';
  if (ref != null && rekindle != null && rekindle > 0 && ref > 0) {
    const r = lowerIsBetter ? ref / rekindle : rekindle / ref;
    ratio = `${fmt(r, 2)}×${b == null ? ' (vs doc)' : ''}`;
  }
  const xFloor = floor != null && floor > 0 && rekindle != null ? `${fmt(rekindle / floor, 2)}× (${fmt(floor, digits)})` : '';
  rows.push(`| ${metric} | ${fmt(b, digits)} | ${fmt(doc, digits)} | ${fmt(rekindle, digits)} | ${ratio} | ${xFloor} | ${target} |`);
}
const floorLoad = (n, key) => get(fd, 'load', String(n), 'floor', key);
const floorMem = (n, key) => get(fd, 'mem', String(n), 'floor', key);

// ---- bytes (browser, CDP payload) ----
const bBytes = get(load('blazor/bytes.json'), 'summary');
const modes = [['rekindle-default', 'engine default recovery'], ['rekindle-browser', 'snapshots in the browser'], ['rekindle-off', 'recovery off'], ['rekindle-compressed', 'engine default + `Rekindle:Transport:Compression`']];
const rBytes = Object.fromEntries(modes.map(([m]) => [m, get(load(`${m}/bytes.json`), 'summary')]));
const main = rBytes['rekindle-default'] || rBytes['rekindle-off'] || rBytes['rekindle-browser'];
const p50 = (s, k) => get(s, k, 'p50');
section('Bytes on the WebSocket', '(payload, both directions, CDP; median of runs)');
row('initial connection `/counter` (B)', p50(bBytes, 'counterInitialWsBytes'), DOC.counterInitial, p50(main, 'counterInitialWsBytes'));
row('initial connection `/ballot` (B)', p50(bBytes, 'ballotInitialWsBytes'), DOC.ballotInitial, p50(main, 'ballotInitialWsBytes'));
row('counter click (B)', p50(bBytes, 'counterClickBytes'), DOC.click, p50(main, 'counterClickBytes'), { target: '≥ 4× fewer' });
row('radio select, first (B)', p50(bBytes, 'radioFirstBytes'), DOC.radioFirst, p50(main, 'radioFirstBytes'), { target: '≤ 250 B' });
row('radio select, other group (B)', p50(bBytes, 'radioSecondGroupBytes'), DOC.radioOtherGroup, p50(main, 'radioSecondGroupBytes'));
row('radio change within a group (B)', p50(bBytes, 'radioChangeSameGroupBytes'), DOC.radioChange, p50(main, 'radioChangeSameGroupBytes'));
row('text commit (B)', p50(bBytes, 'textCommitBytes'), DOC.textCommit, p50(main, 'textCommitBytes'));
row('submit (B)', p50(bBytes, 'submitBytes'), DOC.submit, p50(main, 'submitBytes'));
row('counter click, TCP on the socket, median (B)', p50(bBytes, 'counterClickTcp'), DOC.clickTcpLater, p50(main, 'counterClickTcp'));
row('counter click, TCP on the socket, compression on, median (B)', p50(bBytes, 'counterClickTcp'), DOC.clickTcpLater, p50(rBytes['rekindle-compressed'], 'counterClickTcp'), { target: '≤ half of Blazor\'s' });

// ---- memory per idle view ----
section('Server memory per idle view', '(after a forced full GC; KiB; × floor: the echo\'s per connection at the same N)');
const memory = [];
function blazorMem(file, N) {
  const s = get(load(file), `summaryN${N}`);
  return { heap: get(s, 'gcHeapKiB', 'p50'), rss: get(s, 'rssAfterGcKiB', 'p50') };
}
function rekindleMem(file) {
  const m = get(load(file), 'memoryPerView');
  return { heap: kib(get(m, 'gcHeapAfterFullGcBytes')), rss: kib(get(m, 'rssAfterFullGcBytes') ?? get(m, 'workingSetAfterFullGcBytes')), n: get(m, 'n') };
}
for (const [page, N, docHeap, docRss] of [['counter', 1000, DOC.counterHeap1000, DOC.counterRss1000], ['ballot', 1000, DOC.ballotHeap1000, DOC.ballotRss1000], ['counter', 10000, DOC.counterHeap5000, DOC.counterRss5000]]) {
  const b = blazorMem(`blazor/circuits-${page}-${N}.json`, N);
  const r = rekindleMem(`rekindle/mem-${page}-${N}.json`);
  const docLabel = N === 10000 ? ' (doc: N=5000)' : '';
  row(`\`/${page}\` N=${fmt(N)}: GC heap${docLabel}`, b.heap, docHeap, r.heap, { digits: 1, floor: floorMem(N, 'heap'), target: page === 'counter' ? '≤ 10 KiB' : '' });
  row(`\`/${page}\` N=${fmt(N)}: RSS${docLabel}`, b.rss, docRss, r.rss, { digits: 1, floor: floorMem(N, 'rss'), target: '≥ 19× less; ≤ 1.15× floor' });
  if (b.rss != null || r.rss != null) memory.push({ page, label: `/${page} N=${fmt(N)}`, blazorRss: b.rss, rekindleRss: r.rss, rekindleHeap: r.heap });
}
const idle = load('rekindle/idle-50000.json');
if (idle) {
  const m = rekindleMem('rekindle/idle-50000.json');
  rows.push(`| 50,000 idle \`/counter\` views, ${fmt(idle.viewsPerSocket)} per socket (fd limit 20,000): opened, errors, GC heap / RSS per view KiB | – | – | ${fmt(idle.viewsOpened)}/${fmt(idle.viewsRequested)}, ${fmt(idle.errorsTotal)} errors, ${fmt(m.heap, 1)} / ${fmt(m.rss, 1)} | n/a | | 50,000 without errors |`);
}

// ---- browser latency ----
section('Click → DOM update in Chromium', '(ms; median over runs of each run\'s median / p99)');
const latency = [];
// One latency.json per run (lat-<i>/, alternating frameworks) or one with all runs (older layout).
function latencyRuns(side) {
  const dir = path.join(RAW, side);
  const runs = { counter: [], ballot: [] };
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => /^lat-\d+$/.test(d)).map((d) => `${side}/${d}/latency.json`) : [];
  if (!files.length) files.push(`${side}/latency.json`);
  for (const f of files) {
    const j = load(f);
    if (!j) continue;
    for (const kind of ['counter', 'ballot']) runs[kind].push(...(j[kind] || []));
  }
  return runs;
}
const bLat = latencyRuns('blazor');
const rLat = latencyRuns('rekindle');
const perRun = (runs, kind, key) => runs[kind].map((d) => `${fmt(d[key], 1)}`).join(' / ') || 'n/a';
for (const [kind, dm, dp] of [['counter', DOC.latCounterMedian, DOC.latCounterP99], ['ballot', DOC.latBallotMedian, DOC.latBallotP99]]) {
  row(`${kind} median`, median(bLat[kind].map((d) => d.p50)), dm, median(rLat[kind].map((d) => d.p50)), { digits: 2, target: 'no worse' });
  latency.push({ kind, blazor: median(bLat[kind].map((d) => d.p50)), rekindle: median(rLat[kind].map((d) => d.p50)) });
  row(`${kind} p99`, median(bLat[kind].map((d) => d.p99)), dp, median(rLat[kind].map((d) => d.p99)), { digits: 2, target: 'no worse' });
  notes.push(`- Chromium ${kind} per run (median; p99 in ms): Blazor ${perRun(bLat, kind, 'p50')}; ${perRun(bLat, kind, 'p99')} — Rekindle ${perRun(rLat, kind, 'p50')}; ${perRun(rLat, kind, 'p99')}.`);
}

// ---- load ----
// One step of an N views × rate run, for both sides (Blazor: blazor-load.js; Rekindle: the load generator).
const { stepOf } = require('./goals-report.js');
const bStep = (j, n, rate) => stepOf(j, 'blazor', n, rate);
const rStep = (j, n, rate) => stepOf(j, 'rekindle', n, rate);
function loadRows(b, r, n) {
  const floorN = n === 1000 ? 1000 : null; // the floor's load rounds run at 1,000 (and 3,000) views
  row('p50', get(b, 'p50'), null, get(r, 'p50'), { digits: 2, floor: floorN && floorLoad(floorN, 'p50') });
  row('p99', get(b, 'p99'), null, get(r, 'p99'), { digits: 2, floor: floorN && floorLoad(floorN, 'p99'), target: n >= 10000 ? '< 100 ms' : '' });
  row('events/s achieved', get(b, 'eps'), null, get(r, 'eps'), { digits: 0, lowerIsBetter: false, target: n >= 10000 ? 'higher than Blazor' : '' });
  row('errors', get(b, 'errors'), null, get(r, 'errors'));
  row('server CPU µs per event', get(b, 'serverCpu'), null, get(r, 'serverCpu'), { digits: 1, floor: floorN && floorLoad(floorN, 'cpu') });
  row('server CPU, cores (of 2)', get(b, 'serverCores'), null, get(r, 'serverCores'), { digits: 2 });
  row('client CPU, cores (Blazor: Node, one thread; Rekindle: the C# load generator)', get(b, 'clientCores'), null, get(r, 'clientCores'), { digits: 2 });
}
section('Event round trip under load', '(1,000 views × 1 event/s; scripted clients; ms)');
loadRows(bStep(load('blazor/blazor-load-1000.json'), 1000, 1), rStep(load('rekindle/load-1000.json'), 1000, 1), 1000);
// 10,000 views: 1/s, then the saturation steps run.sh ran (rate r: blazor-load-N-r<r>.json, load-N-r<r>.json).
// The large N: the largest of run.sh's N-view load runs other than 1,000 (10,000 in the full run).
const bigNs = ['blazor', 'rekindle'].flatMap((side) => (fs.existsSync(path.join(RAW, side)) ? fs.readdirSync(path.join(RAW, side)) : [])
  .map((f) => /^(?:blazor-)?load-(\d+)(?:-r\d+)?\.json$/.exec(f)).filter(Boolean).map((m) => Number(m[1])).filter((n) => n !== 1000));
const BIG = bigNs.length ? Math.max(...bigNs) : 10000;
const big = { n: BIG, blazor: [], rekindle: [] };
for (const rate of [1, 2, 3, 4, 5, 6, 8, 10]) {
  const suffix = rate === 1 ? '' : `-r${rate}`;
  const b = bStep(load(`blazor/blazor-load-${BIG}${suffix}.json`), BIG, rate);
  const r = rStep(load(`rekindle/load-${BIG}${suffix}.json`), BIG, rate);
  if (!b && !r) continue;
  section(`${fmt(BIG)} views × ${rate} event${rate === 1 ? '' : 's'}/s`, '(scripted clients; ms)');
  loadRows(b, r, BIG);
  if (b) big.blazor.push(b);
  if (r) big.rekindle.push(r);
}

// ---- restart ----
section('Server restart', '(SIGKILL, restart on the same port, 1,000 views on `/counter`)');
for (const [file, label] of [['rekindle/restart-1000.json', 'server store'], ['rekindle/restart-1000-browser.json', 'browser store']]) {
  const r = get(load(file), 'recovery');
  const restored = r ? `${fmt(r.restored)}/${fmt(r.dropped)} restored` : 'n/a';
  rows.push(`| first drop → all views rejoined with state, ms (${label}; ${restored}) | state lost | all state lost; page reload ~5.4 s after the kill | ${fmt(get(r, 'dropToAllRejoinedMs'))} | – | | |`);
}

// ---- Rekindle-only details ----
const extra = [];
extra.push('| variant | counter click | radio first | radio other group | radio change | text commit | submit | initial /counter | initial /ballot |');
extra.push('|---|---|---|---|---|---|---|---|---|');
for (const [m, label] of modes) {
  const s = rBytes[m];
  if (!s) continue;
  extra.push(`| ${label} | ${fmt(p50(s, 'counterClickBytes'))} | ${fmt(p50(s, 'radioFirstBytes'))} | ${fmt(p50(s, 'radioSecondGroupBytes'))} | ${fmt(p50(s, 'radioChangeSameGroupBytes'))} | ${fmt(p50(s, 'textCommitBytes'))} | ${fmt(p50(s, 'submitBytes'))} | ${fmt(p50(s, 'counterInitialWsBytes'))} | ${fmt(p50(s, 'ballotInitialWsBytes'))} |`);
}

const loadRuns = [];
for (const f of fs.existsSync(path.join(RAW, 'rekindle')) ? fs.readdirSync(path.join(RAW, 'rekindle')).sort() : []) {
  if (!/^(load|mem|hold|restart|idle)-.*\.json$/.test(f)) continue;
  const j = load(`rekindle/${f}`);
  if (!j) continue;
  const m = j.memoryPerView;
  loadRuns.push(`| ${f.replace('.json', '')} | ${j.path} | ${fmt(j.viewsOpened)}/${fmt(j.viewsRequested)} | ${j.viewsPerSocket ?? 1} | ${fmt(j.openSeconds, 1)} | ${j.rate} | ${fmt(get(j, 'events', 'perSecond'), 0)} | ${fmt(get(j, 'roundTripMs', 'p50'), 2)} | ${fmt(get(j, 'roundTripMs', 'p99'), 2)} | ${m ? fmt(m.gcHeapAfterFullGcBytes / 1024, 1) : ''} | ${m ? fmt((m.rssAfterFullGcBytes ?? m.workingSetAfterFullGcBytes) / 1024, 1) : ''} | ${fmt(j.errorsTotal)} |`);
}

const floor = require('./floor-report.js').floorSection(RAW);
const goals = require('./goals-report.js').goalsSection({
  memory, latency, big,
  clickTcp: { blazor: p50(bBytes, 'counterClickTcp') ?? DOC.clickTcpLater, default: p50(main, 'counterClickTcp'), compressed: p50(rBytes['rekindle-compressed'], 'counterClickTcp') },
}, fd);

const micro = (() => { try { return fs.readFileSync(path.join(RAW, 'micro.md'), 'utf8').trim(); } catch { return null; } })();

const md = [];
md.push(`# Rekindle vs Blazor Server: bench run ${META.date || new Date().toISOString().slice(0, 10)}`);
md.push('');
md.push('Produced by `bench/run.sh` (see `bench/README.md`). Both servers ran on this machine in the same run, one at a time,');
md.push('each a fresh Release process on 127.0.0.1 (Server GC, Production environment); clients (Chromium, Node, the C# load');
md.push('generator) shared the same 2 cores. "Blazor (this run)" is the baseline scripts against a fresh `dotnet new blazor`');
md.push('app; "Blazor (doc)" is `shared/docs/blazor-baseline.md` (2026-11-24). Ratio = Blazor ÷ Rekindle (how many times');
md.push('less/faster Rekindle is; > 1 is better for Rekindle), against this run\'s Blazor number when there is one. × floor =');
md.push('Rekindle ÷ the bare Kestrel echo\'s number (in brackets) from the floor section below (< 1.15-2× is the issue\'s aim).');
md.push('');
for (const [k, v] of Object.entries(META)) if (k !== 'date') md.push(`- ${k}: ${v}`);
md.push('');
md.push('| metric | Blazor (this run) | Blazor (doc) | Rekindle (this run) | × Blazor | × floor | target |');
md.push('|---|---|---|---|---|---|---|');
md.push(...rows);
md.push('');
md.push(goals);
md.push('## Rekindle bytes by recovery setting (payload B, median)');
md.push('');
md.push('The main table uses the engine default. `[Recoverable]` state in the browser costs a snapshot token in every diff that changes it.');
md.push('');
md.push(...extra);
md.push('');
md.push('## Rekindle load generator runs');
md.push('');
md.push('| run | page | views open/requested | views/socket | open time (s) | events/s/view | events/s | p50 (ms) | p99 (ms) | GC heap/view (KiB) | RSS/view (KiB) | errors |');
md.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
md.push(...loadRuns);
md.push('');
if (floor) {
  md.push(floor);
  md.push('');
}
if (micro) {
  md.push('## Micro benchmarks (BenchmarkDotNet, short job)');
  md.push('');
  md.push(micro);
  md.push('');
}
md.push('## Notes');
md.push('');
md.push('- The machine is shared with other sessions (load average above): latencies of both frameworks are far above the');
md.push('  baseline doc\'s, which was measured on an idle machine. Ratios from the same run are the comparable numbers.');
md.push('- Bytes are payload bytes (after permessage-deflate decompression for Blazor); Rekindle negotiates WebSocket');
md.push('  compression only with `Rekindle:Transport:Compression` (off by default), hence the TCP rows.');
md.push('- Under load, Blazor is driven by the baseline\'s Node SignalR client and Rekindle by the C# load generator: the');
md.push('  client cost differs, so the load rows compare systems (client + server on the same 2 cores), not servers alone.');
md.push(...notes);
md.push('');
fs.writeFileSync(OUT, md.join('\n') + '\n');
console.log(`wrote ${OUT}`);
