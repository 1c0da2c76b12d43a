// Runs the Blazor baseline's bytes.js unchanged against the Rekindle bench app. The only difference
// is which WebSocket the counting TCP proxy attributes bytes to: Rekindle's socket is opened with
// "GET /live/websocket?..." where Blazor's is "GET /_blazor?id=...". Everything else (CDP payload
// capture, the actions, the quiet windows) is the baseline script itself.
// Usage: BASELINE_BENCH=<dir with lib.js, bytes.js, node_modules> APP_DLL=... node rekindle-bytes.js [runs]
'use strict';
const path = require('path');
const dir = process.env.BASELINE_BENCH;
if (!dir) { console.error('BASELINE_BENCH must point at the baseline bench folder (with node_modules)'); process.exit(2); }
const L = require(path.join(dir, 'lib.js'));
const makeProxy = L.makeProxy;
L.makeProxy = async (...args) => {
  const proxy = await makeProxy(...args);
  const wsBytes = proxy.wsBytes.bind(proxy);
  proxy.wsBytes = (re = /^GET \/live\/websocket\?/) => wsBytes(re);
  return proxy;
};
require(path.join(dir, 'bytes.js'));
