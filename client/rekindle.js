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

const liveSocket = new LiveSocket("/live", Socket, {
  ...config.liveSocketOptions,
  hooks: config.hooks || config.liveSocketOptions?.hooks || {},
  uploaders: config.uploaders || config.liveSocketOptions?.uploaders || {},
  params,
});

liveSocket.connect();
window.liveSocket = liveSocket;
