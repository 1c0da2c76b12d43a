// The Chromium pages of deploy/chaos-soak.sh: K tabs of /counter in Debian's headless Chromium,
// driven over the DevTools protocol (no npm package). Each tab gets a window marker, then clicks +
// every ~1.5 s while it is connected; a click counts as acknowledged once the page shows it. A tab
// that navigates again (a reload) or loses its marker counts as reloaded; the time each tab spends
// without phx-connected is its restore time. At the end every tab must show at least the clicks it
// saw acknowledged. Prints one JSON line: pages, reloads, clicks, acknowledged, lost, restoreMs.
//   node --experimental-websocket deploy/chaos-pages.js <url> <pages> <seconds>
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, pageCount, seconds] = [process.argv[2], Number(process.argv[3] || 5), Number(process.argv[4] || 60)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-chaos-chromium-'));
  const chromium = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    chromium.stderr.on('data', (chunk) => {
      text += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) resolve({ chromium, profile, endpoint: match[1] });
    });
    chromium.on('exit', (code) => reject(new Error(`chromium exited with ${code}: ${text}`)));
  });
}

/** One DevTools connection to the browser; pages are flattened sessions on it. */
class DevTools {
  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.waiting = new Map();
    this.listeners = [];
    socket.addEventListener('message', ({ data }) => {
      const message = JSON.parse(data);
      if (message.id && this.waiting.has(message.id)) {
        const { resolve, reject } = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        message.error ? reject(new Error(message.error.message)) : resolve(message.result);
      } else if (message.method) {
        this.listeners.forEach((listener) => listener(message));
      }
    });
  }

  static async open(endpoint) {
    const socket = new WebSocket(endpoint);
    await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
    return new DevTools(socket);
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  async evaluate(sessionId, expression) {
    const result = await this.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
    return result.result.value;
  }
}

async function openTab(devtools, tab) {
  // A window per tab, so every tab is visible: the stock client does not reconnect a hidden page's
  // socket until it is shown again (phoenix socket.js, pageHidden).
  const { targetId } = await devtools.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  const { sessionId } = await devtools.send('Target.attachToTarget', { targetId, flatten: true });
  tab.sessionId = sessionId;
  await devtools.send('Page.enable', {}, sessionId);
  await devtools.send('Page.navigate', { url }, sessionId);
  for (let i = 0; i < 200 && !(await connected(devtools, tab)); i++) await sleep(100);
  await devtools.evaluate(sessionId, 'window.__soakMarker = 1');
  tab.marked = true;
}

const connected = (devtools, tab) => devtools.evaluate(tab.sessionId,
  "!!(window.liveSocket && liveSocket.isConnected() && document.querySelector('[data-phx-main].phx-connected'))").catch(() => false);

// What a tab looked like when it was first seen down, for the report of slow restores.
const STATE = "JSON.stringify({socket: window.liveSocket?.isConnected(), visibility: document.visibilityState, main: document.querySelector('[data-phx-main]')?.className, at: new Date().toISOString()})";

const shownCount = async (devtools, tab) => Number(await devtools.evaluate(tab.sessionId, "document.querySelector('#count')?.textContent ?? 'NaN'"));

// A count lower than the highest this tab saw acknowledged is a restore that came back short: noted
// with the time and the view's id, to find the node log lines of that rejoin.
async function readCount(devtools, tab) {
  const count = await shownCount(devtools, tab);
  if (count < tab.highest) {
    const view = await devtools.evaluate(tab.sessionId, "document.querySelector('[data-phx-main]')?.id").catch(() => '?');
    tab.short.push(`${new Date().toISOString()} ${view} ${tab.highest} -> ${count}`);
  }
  if (!Number.isNaN(count)) tab.highest = count;
  return count;
}

async function driveTab(devtools, tab, until) {
  let downSince = null;
  while (Date.now() < until) {
    await sleep(1000 + Math.random() * 1000);
    if (!(await connected(devtools, tab))) {
      if (downSince === null) {
        downSince = Date.now();
        tab.lastDownState = await devtools.evaluate(tab.sessionId, STATE).catch((error) => `unreadable: ${error.message}`);
      }
      continue;
    }
    if (downSince !== null) {
      tab.restoreMs.push(Date.now() - downSince);
      if (Date.now() - downSince > 10_000) tab.slow.push(`${Date.now() - downSince} ms from ${tab.lastDownState}`);
      downSince = null;
    }
    const before = await readCount(devtools, tab);
    await devtools.evaluate(tab.sessionId, "document.querySelector('#inc').click()");
    tab.clicks++;
    for (let i = 0; i < 40; i++) {
      await sleep(50);
      if ((await readCount(devtools, tab)) > before) {
        tab.acknowledged++;
        break;
      }
    }
  }
  // The run is over: the tab gets a minute to come back before its state is read.
  for (let i = 0; i < 600 && !(await connected(devtools, tab)); i++) await sleep(100);
  if (downSince !== null) {
    tab.restoreMs.push(Date.now() - downSince);
    if (Date.now() - downSince > 10_000) tab.slow.push(`${Date.now() - downSince} ms from ${tab.lastDownState}`);
  }
}

(async () => {
  const { chromium, profile, endpoint } = await launch();
  const tabs = Array.from({ length: pageCount }, () => ({ sessionId: null, marked: false, navigations: 0, clicks: 0, acknowledged: 0, restoreMs: [], slow: [], highest: 0, short: [] }));
  let report;
  try {
    const devtools = await DevTools.open(endpoint);
    devtools.listeners.push((message) => {
      if (message.method !== 'Page.frameNavigated' || message.params.frame.parentId) return;
      const tab = tabs.find((t) => t.sessionId === message.sessionId);
      if (tab && tab.marked) tab.navigations++;
    });
    for (const tab of tabs) await openTab(devtools, tab);
    const until = Date.now() + seconds * 1000;
    await Promise.all(tabs.map((tab) => driveTab(devtools, tab, until)));
    let reloads = 0, lost = 0;
    for (const tab of tabs) {
      const marker = await devtools.evaluate(tab.sessionId, 'window.__soakMarker').catch(() => undefined);
      if (marker !== 1 || tab.navigations > 0) reloads++;
      tab.final = await readCount(devtools, tab);
      lost += Number.isNaN(tab.final) ? tab.acknowledged : Math.max(0, tab.acknowledged - tab.final);
    }
    const restoreMs = tabs.flatMap((t) => t.restoreMs).sort((a, b) => a - b);
    report = {
      pages: tabs.length,
      reloads,
      clicks: tabs.reduce((n, t) => n + t.clicks, 0),
      acknowledged: tabs.reduce((n, t) => n + t.acknowledged, 0),
      lost,
      restores: restoreMs.length,
      restoreP99Ms: restoreMs.length ? restoreMs[Math.min(restoreMs.length - 1, Math.floor(restoreMs.length * 0.99))] : null,
      counts: tabs.map((t) => `${t.final}/${t.acknowledged}`),
      slowRestores: tabs.flatMap((t) => t.slow),
      shortRestores: tabs.flatMap((t) => t.short),
    };
  } finally {
    const exited = new Promise((resolve) => chromium.once('exit', resolve));
    chromium.kill('SIGKILL');
    await exited;
    try {
      // Chromium's helper processes may still write into the profile after the browser's exit.
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch (error) {
      console.error(`chaos pages: could not remove ${profile}: ${error.message}`);
    }
  }
  console.log(JSON.stringify(report));
})().catch((error) => {
  console.error(`chaos pages: ${error.stack || error}`);
  process.exit(1);
});
