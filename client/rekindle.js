// Rekindle browser bootstrap: connects the stock Phoenix LiveView client to a Rekindle server.
//
// Pages may configure it by defining, before this script runs:
//   window.Rekindle = { hooks: {...}, params: {...} | (el) => ({...}), liveSocketOptions: {...} }
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

const liveSocket = new LiveSocket("/live", Socket, {
  ...config.liveSocketOptions,
  hooks: config.hooks || config.liveSocketOptions?.hooks || {},
  params,
});

liveSocket.connect();
window.liveSocket = liveSocket;
