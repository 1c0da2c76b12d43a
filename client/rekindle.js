// Rekindle browser bootstrap: connects the stock Phoenix LiveView client to a Rekindle server.
//
// Pages may configure it by defining, before this script runs:
//   window.Rekindle = { hooks: {...}, uploaders: {...}, params: {...} | (el) => ({...}), liveSocketOptions: {...} }
// uploaders are the client uploaders of external uploads, by the name the view's presign callback
// gives (docs/protocol.md §5.7): uploaders.S3 = (entries, onViewError) => {...}.
// A params function is called with the view's element for each join and with no argument when the
// socket builds its URL (LiveSocket hands the same options to the Phoenix Socket).
import {Socket} from "phoenix";
import {LiveSocket} from "phoenix_live_view";

const config = window.Rekindle || {};
const userParams = config.params;

// A function, not an object: LiveView writes _mounts, _mount_attempts and _live_referer into the
// object params returns (docs/protocol.md §1.1), so each call must return a fresh one, and the
// app's own object must never be handed over. Reading the meta tag here rather than at load time
// also works when this script is included before the tag (connect() waits for DOMContentLoaded).
// Without the tag the key is left out rather than sent as the text "undefined"; the join then
// fails as stale (§2.3).
const params = (el) => {
  const csrf = document.querySelector("meta[name='csrf-token']")?.getAttribute("content");
  const snapshot = el?.id && sessionStorage.getItem(snapshotKey(el.id));
  return {
    ...(typeof userParams === "function" ? userParams(el) : userParams),
    ...(csrf != null && {_csrf_token: csrf}),
    ...(snapshot && {_rekindle_snapshot: snapshot}),
  };
};

// Recoverable state kept by the browser: the server pushes each view's latest snapshot (encrypted
// and signed; opaque here) and gets it back in the params of the view's next join, so state comes
// back after a dropped socket, a server restart or on another node, with no server storage.
const snapshotKey = (viewId) => `rekindle:snapshot:${viewId}`;
window.addEventListener("phx:rekindle:snapshot", ({detail}) => {
  try {
    sessionStorage.setItem(snapshotKey(detail.view), detail.token);
  } catch (error) {
    console.warn("Rekindle: could not keep the view's snapshot", error);
  }
});

// Development live reload (dotnet watch): a stylesheet under wwwroot changed, so each same-origin
// stylesheet is fetched again and swapped in once loaded; the page itself is never reloaded.
window.addEventListener("phx:rekindle:stylesheets", () => {
  for (const link of document.querySelectorAll("link[rel='stylesheet']")) {
    const url = new URL(link.href);
    if (url.origin !== location.origin) continue;
    url.searchParams.set("rekindle-reload", Date.now().toString());
    const fresh = link.cloneNode();
    fresh.href = url.href;
    fresh.addEventListener("load", () => link.remove(), {once: true});
    link.after(fresh);
  }
});

// Development only: the server sends this just before phx_error when a view's code threw (it never
// does outside Development). The client rejoins as usual; the overlay stays until closed, so the
// developer sees what happened. Text only (textContent): an exception message is not markup.
window.addEventListener("phx:rekindle:view-crashed", ({detail}) => {
  console.error(`Rekindle: ${detail.view} crashed; it rejoins.\n${detail.exception}`);
  document.getElementById("rekindle-crash")?.remove();
  const overlay = document.createElement("div");
  overlay.id = "rekindle-crash";
  overlay.setAttribute("role", "alert");
  overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;" +
    "background:#fff5f5;color:#1a1a1a;border:2px solid #c53030;border-radius:6px;padding:1rem;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.3)";
  const title = document.createElement("strong");
  title.textContent = `${detail.view} crashed (Development only; the view rejoined)`;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.style.float = "right";
  close.addEventListener("click", () => overlay.remove());
  const details = document.createElement("pre");
  details.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
  details.textContent = detail.exception;
  overlay.append(close, title, details);
  document.body.append(overlay);
});

// Uploads cut off by a dropped connection or a server restart (docs/protocol.md §5.7 item 8): the stock
// client always uploads from byte 0 and clears its file inputs when the view rejoins, and the server
// deletes the half-written file. The File objects are still here, so once the view is connected
// again each one goes back into its input, as a fresh File whose meta says rekindle_restarted
// (the entry's IsRestarted), and the stock client uploads it again: at once with auto-upload, on the
// next submit otherwise. A file that cannot go back (its input is gone, or it can no longer be read)
// is reported with a rekindle:upload-interrupted event instead.
const uploadInput = "input[type=file][data-phx-upload-ref]";
const chosenFiles = new WeakMap();
const interrupted = new Map();
const activeRefs = (input) => (input.getAttribute("data-phx-active-refs") || "").split(",");
const isLive = (input, file) => file._phxRef === undefined || activeRefs(input).includes(file._phxRef);
// A capture listener on window runs before the stock client's, which empties a multiple input.
const rememberFiles = (input, files) => {
  const kept = (chosenFiles.get(input) || []).filter((file) => isLive(input, file));
  chosenFiles.set(input, kept.concat(files.filter((file) => !kept.includes(file))));
};
window.addEventListener("input", ({target}) => {
  if (target instanceof HTMLInputElement && target.matches(uploadInput) && target.files?.length) {
    rememberFiles(target, Array.from(target.files));
  }
}, true);
window.addEventListener("track-uploads", ({target, detail}) => {
  if (target instanceof HTMLInputElement && target.matches(uploadInput)) {
    rememberFiles(target, Array.from(detail?.files || []).filter((file) => file instanceof File));
  }
}, true);

// A submit clicked while the phx-change that carries a file selection awaits its reply: the stock
// client would send it at once without uploading (the input's active refs do not list the new files
// yet) and the view could not consume them. Hold it until that reply has come, then submit again.
window.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.classList.contains("phx-submit-loading")) return;
  const selecting = Array.from(form.elements).find((el) => el.matches(uploadInput) && el.classList.contains("phx-change-loading"));
  if (!selecting) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  const submitter = e.submitter;
  // The reply is merged into the form once neither the input nor the form is locked by a change.
  const busy = (el) => el.classList.contains("phx-change-loading") || el.hasAttribute("data-phx-ref-lock");
  const observer = new MutationObserver(() => {
    if (busy(selecting) || busy(form)) return;
    observer.disconnect();
    if (form.isConnected) form.requestSubmit(submitter?.form === form ? submitter : undefined);
  });
  observer.observe(form, {attributes: true, subtree: true, attributeFilter: ["class", "data-phx-ref-lock"]});
}, true);

// Entries the server knows (active refs) and whose files this page still holds.
const captureUploads = (viewEl) => {
  if (interrupted.has(viewEl.id)) return;
  const pending = [];
  // Not uploadInput: by the time this runs the stock client may have cleared a failed input's upload ref.
  for (const input of viewEl.querySelectorAll("input[type=file]")) {
    if (input.closest("[data-phx-session]") !== viewEl) continue; // a nested view's: it has its own turn
    const files = (chosenFiles.get(input) || []).filter((file) => file._phxRef !== undefined && isLive(input, file));
    if (files.length > 0) pending.push({form: input.form?.id, name: input.name, files});
  }
  if (pending.length > 0) interrupted.set(viewEl.id, pending);
};

const readable = (file) => file.slice(0, 1).arrayBuffer().then(() => true, () => false);

const restoreUploads = async (viewEl) => {
  const pending = interrupted.get(viewEl.id);
  interrupted.delete(viewEl.id);
  for (const {form, name, files} of pending || []) {
    const input = Array.from(viewEl.querySelectorAll(uploadInput))
      .find((candidate) => candidate.name === name && candidate.form?.id === form && !candidate.disabled);
    const ok = [];
    const lost = [];
    for (const file of files) ((input && await readable(file)) ? ok : lost).push(file);
    if (ok.length > 0) {
      const transfer = new DataTransfer();
      for (const file of ok) {
        const fresh = new File([file], file.name, {type: file.type, lastModified: file.lastModified});
        fresh.meta = () => ({rekindle_restarted: true});
        transfer.items.add(fresh);
      }
      input.files = transfer.files;
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
    const detail = {view: viewEl.id, form, upload: name};
    if (ok.length > 0) window.dispatchEvent(new CustomEvent("rekindle:upload-restarted", {detail: {...detail, files: ok.map((file) => file.name)}}));
    if (lost.length > 0) window.dispatchEvent(new CustomEvent("rekindle:upload-interrupted", {detail: {...detail, files: lost.map((file) => file.name)}}));
  }
};

// The view's container loses phx-connected as soon as its channel errors (before any rejoin can
// patch the inputs) and gets it back after the rejoin's patch and form recovery.
new MutationObserver((records) => {
  for (const {target, oldValue} of records) {
    if (!(target instanceof HTMLElement) || !target.hasAttribute("data-phx-session")) continue;
    const was = /\bphx-connected\b/.test(oldValue || "");
    const is = target.classList.contains("phx-connected");
    if (was && !is) captureUploads(target);
    if (!was && is && interrupted.has(target.id)) restoreUploads(target);
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true});

const liveSocket = new LiveSocket("/live", Socket, {
  ...config.liveSocketOptions,
  hooks: config.hooks || config.liveSocketOptions?.hooks || {},
  uploaders: config.uploaders || config.liveSocketOptions?.uploaders || {},
  params,
});

liveSocket.connect();
window.liveSocket = liveSocket;
