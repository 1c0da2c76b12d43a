// Runs the REAL phoenix_live_view client merge/render code (the `Rendered` class of the npm
// bundle) under Node 20, so C# tests can check our server's renders/diffs against it.
//
// Usage: node rendered-harness.mjs <path to phoenix_live_view/priv/static/phoenix_live_view.esm.js>
//
// Protocol: newline-delimited JSON on stdin, exactly one JSON line on stdout per request, in order.
// On startup (after the bundle is imported) it prints {"ready":true,"version":"x.y.z"};
// if the bundle cannot be loaded it prints {"error":"...","fatal":true} and exits with code 1.
//
//   {"op":"join","id":"s1","rendered":{...}}  -> new session s1 (replaces any previous s1)
//   {"op":"diff","id":"s1","diff":{...}}      -> merge a diff into session s1
//     optional fields on join/diff:
//       "normalize": true (default) strip the client-injected root attributes (see normalize())
//       "raw": false (default)      also return "raw": what the client's own render produced
//                                   (with data-phx-skip placeholders, see below)
//       "viewId": "phx-test"        (join only) the view id the client would use
//     response: {"html":"...", ["raw":"...",] ["title":..], ["events":[..]], ["reply":..],
//                ["streams":[[ref,inserts,deleteIds(,reset)],..]]}
//   {"op":"get","id":"s1"}   -> {"rendered":{...}} the client's merged tree (internal fields removed)
//   {"op":"drop","id":"s1"}  -> {"ok":true}
//   {"op":"ping"}            -> {"ok":true}
//   any failure              -> {"error":"message"} (the process keeps running)
// A request field "rid" is echoed back in the response when present.
//
// How the HTML is produced (why there are two renders):
//  * Each session mirrors what view.ts does: Rendered.extract() strips t/e/r, then
//    `new Rendered(viewId, diff)` on join, or `mergeDiff(diff)` followed by
//    `toString(componentCIDs(diff))` (full diff) / `componentToString(cid)` (component-only diff).
//    That render is kept so the session's internal state (magic ids, newRender flags, emptied
//    stream entries, component reset flags) evolves exactly as in the browser. Its output is
//    what the DOM patcher would receive: on re-renders every root node ("r":1) that no merge
//    passed through comes out as an EMPTY placeholder `<tag [id] data-phx-id=".." data-phx-skip></tag>`,
//    and component-only diffs render only the touched components. That is returned as "raw".
//  * "html" is the FULL html of the merged tree: right after mergeDiff (before the real render,
//    which would clear stream entries and flags) the tree is deep-cloned, the client-private
//    fields magicId/newRender/reset are deleted, and the clone is rendered by a throwaway
//    `new Rendered(viewId, clone).toString()` -- i.e. exactly what a join with the merged tree
//    renders. No skips. Streams: only the stream items carried by the current render/diff
//    appear (the client keeps no others; accumulating them is the DOM patcher's job).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { createInterface } from "node:readline";

const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
// Keep stdout for protocol lines only: the bundle logs via console.* (e.g. logError on a
// missing component); send all of it to stderr.
for (const k of ["log", "info", "debug", "warn", "error", "trace"]) {
  console[k] = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");
}

// Minimal browser globals. The import itself needs none; at run time Rendered uses
// `window.structuredClone` (utils.deepClone, for keyed moves / shared statics) and
// `window.dispatchEvent(new CustomEvent(...))` (diagnostics.logError, before throwing
// "Cannot continue render due to missing component").
globalThis.window = globalThis;
if (typeof globalThis.dispatchEvent !== "function") {
  const target = new EventTarget();
  globalThis.addEventListener = target.addEventListener.bind(target);
  globalThis.removeEventListener = target.removeEventListener.bind(target);
  globalThis.dispatchEvent = target.dispatchEvent.bind(target);
}

let Rendered;
let version = null;
const esmPath = process.argv[2];
let tmpDir = null;
try {
  if (!esmPath) throw new Error("usage: node rendered-harness.mjs <phoenix_live_view.esm.js>");
  let src = readFileSync(esmPath, "utf8");
  if (!/^var Rendered = class\b/m.test(src)) {
    throw new Error("bundle has no module-level `var Rendered = class`: " + esmPath);
  }
  const at = src.lastIndexOf("export {");
  if (at < 0) throw new Error("bundle has no final `export {` list: " + esmPath);
  const close = src.indexOf("}", at);
  if (!/\bRendered\b/.test(src.slice(at, close))) {
    src = src.slice(0, at) + "export {\n  Rendered," + src.slice(at + "export {".length);
  }
  tmpDir = mkdtempSync(join(tmpdir(), "rekindle-lv-"));
  const tmpFile = join(tmpDir, "phoenix_live_view.patched.mjs");
  writeFileSync(tmpFile, src);
  const mod = await import(pathToFileURL(tmpFile).href);
  Rendered = mod.Rendered;
  if (typeof Rendered !== "function") throw new Error("Rendered was not exported");
  try {
    version = JSON.parse(readFileSync(join(dirname(esmPath), "..", "..", "package.json"), "utf8")).version;
  } catch {
    version = null;
  }
} catch (e) {
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  // Wait for the line to be flushed (pipes are asynchronous on Windows) before exiting.
  const line = JSON.stringify({ error: String(e && e.message ? e.message : e), fatal: true }) + "\n";
  await new Promise((resolve) => process.stdout.write(line, resolve));
  process.exit(1);
} finally {
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
}

const isObject = (o) => o !== null && typeof o === "object" && !Array.isArray(o);

// Removes the client's private bookkeeping from a (cloned) tree, recursively.
const stripInternal = (node) => {
  if (Array.isArray(node)) {
    node.forEach(stripInternal);
  } else if (isObject(node)) {
    delete node.magicId;
    delete node.newRender;
    delete node.reset;
    for (const k in node) stripInternal(node[k]);
  }
  return node;
};

// The client injects attributes right after the tag name of every root-flagged element
// (rendered/modify_root.ts): `data-phx-id="m<n>-<viewId>"` (or "c<cid>-<viewId>" for components),
// then for components `data-phx-component="<cid>" data-phx-view="<viewId>"`. A skipped root
// (raw output only) is `<tag id="..." data-phx-id=".." data-phx-skip></tag>`: the id comes first.
// Normalization deletes that run of data-phx-id/-component/-view attributes only at that
// position (so text content and other attributes are never touched); data-phx-skip is kept.
const INJECTED = /(<[^\s\/>!]+(?: id="[^"]*")?)(?: data-phx-(?:id|component|view)="[^"]*")+/g;
const normalize = (html) => html.replace(INJECTED, "$1");

const sessions = new Map();

const fullHtml = (viewId, tree) => {
  const fresh = new Rendered(viewId, stripInternal(structuredClone(tree)));
  return fresh.toString().buffer;
};

const respond = (req, html, raw, extracted, streams) => {
  const norm = req.normalize !== false;
  const res = { html: norm ? normalize(html) : html };
  if (req.raw) res.raw = norm ? normalize(raw) : raw;
  if (typeof extracted.title === "string") res.title = extracted.title;
  if (extracted.events && extracted.events.length) res.events = extracted.events;
  if (extracted.reply !== null && extracted.reply !== undefined) res.reply = extracted.reply;
  if (streams && streams.size) res.streams = [...streams];
  return res;
};

const requireSession = (id) => {
  const s = sessions.get(id);
  if (!s) throw new Error(`unknown session id ${JSON.stringify(id)} (join first)`);
  return s;
};

const handle = (req) => {
  if (!isObject(req)) throw new Error("request must be a JSON object");
  const id = req.id === undefined ? undefined : String(req.id);
  switch (req.op) {
    case "ping":
      return { ok: true };
    case "join": {
      if (id === undefined) throw new Error("join needs an id");
      if (!isObject(req.rendered)) throw new Error("join needs a 'rendered' object");
      const viewId = req.viewId === undefined ? "phx-test" : String(req.viewId);
      sessions.delete(id);
      const extracted = Rendered.extract(req.rendered);
      const rendered = new Rendered(viewId, extracted.diff);
      const snapshot = structuredClone(rendered.get());
      // view.ts renderContainer(null, "join")
      const { buffer: raw, streams } = rendered.toString(null);
      const html = fullHtml(viewId, snapshot);
      sessions.set(id, { viewId, rendered });
      return respond(req, html, raw, extracted, streams);
    }
    case "diff": {
      const s = requireSession(id);
      if (!isObject(req.diff)) throw new Error("diff needs a 'diff' object");
      const extracted = Rendered.extract(req.diff);
      const diff = extracted.diff;
      s.rendered.mergeDiff(diff);
      const snapshot = structuredClone(s.rendered.get());
      let raw = "";
      let streams = new Set();
      // view.ts update(): component-only diff -> componentToString per cid (the browser
      // limits that to the top-most cids present in the DOM; we render every cid of the
      // diff); otherwise a full render that skips components not in the diff.
      if (s.rendered.isComponentOnlyDiff(diff)) {
        const parts = [];
        for (const cid of s.rendered.componentCIDs(diff)) {
          const r = s.rendered.componentToString(cid);
          parts.push(r.buffer);
          for (const st of r.streams) streams.add(st);
        }
        raw = parts.join("");
      } else if (Object.keys(diff).length > 0) {
        const r = s.rendered.toString(s.rendered.componentCIDs(diff));
        raw = r.buffer;
        streams = r.streams;
      }
      const html = fullHtml(s.viewId, snapshot);
      return respond(req, html, raw, extracted, streams);
    }
    case "get": {
      const s = requireSession(id);
      return { rendered: stripInternal(structuredClone(s.rendered.get())) };
    }
    case "drop":
      sessions.delete(id);
      return { ok: true };
    default:
      throw new Error(`unknown op ${JSON.stringify(req.op)}`);
  }
};

out({ ready: true, version });

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
rl.on("line", (line) => {
  line = line.replace(/^\uFEFF/, "");
  if (line.trim() === "") return;
  let req;
  let res;
  try {
    req = JSON.parse(line);
    res = handle(req);
  } catch (e) {
    res = { error: e && e.message ? e.message : String(e) };
  }
  if (isObject(req) && req.rid !== undefined) res.rid = req.rid;
  try {
    out(res);
  } catch (e) {
    out({ error: "could not serialize response: " + (e && e.message ? e.message : String(e)) });
  }
});
rl.on("close", () => process.exit(0));
// Requests are handled synchronously, so anything thrown outside handle() is not tied to a
// request: log it (stderr) instead of emitting a line that would desynchronize the protocol.
process.on("uncaughtException", (e) => {
  process.stderr.write("uncaught: " + (e && e.stack ? e.stack : String(e)) + "\n");
});
