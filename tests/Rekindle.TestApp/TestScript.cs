namespace Rekindle.TestApp;

/// <summary>
/// The test views' JavaScript: the <c>LifecycleHook</c> of <see cref="HookLifecycleLive"/>, which
/// writes each callback it gets, and what the element showed at that moment, to <c>window.lifecycleLog</c>,
/// a plain <c>window</c> listener for the same pushed event, the <c>HookOutside</c> hook of
/// <see cref="Parity.Issue4147Live"/>, which counts its mounts in <c>window.hookOutsideMounts</c>, and the <c>TestStore</c> client uploader of
/// <see cref="Uploads.ExternalUploadLive"/>. It adds to <c>window.Rekindle.hooks</c>,
/// so its tag goes after the sample's scripts, which set that object.
/// </summary>
public static class TestScript
{
    public const string Path = "/test/hooks.js";
    public const string Tag = $"<script src=\"{Path}\"></script>";

    public const string Source = """
        (() => {
          const log = (window.lifecycleLog = []);
          const count = () => document.getElementById("count")?.textContent ?? "gone";
          window.Rekindle = window.Rekindle || {};
          window.Rekindle.hooks = window.Rekindle.hooks || {};
          window.Rekindle.hooks.LifecycleHook = {
            mounted() {
              log.push(`mounted count=${count()}`);
              this.handleEvent("count_changed", ({ count: pushed }) => log.push(`hook event ${pushed} count=${count()}`));
            },
            beforeUpdate() { log.push(`beforeUpdate count=${count()}`); },
            updated() { log.push(`updated count=${count()}`); },
            destroyed() { log.push(`destroyed count=${count()}`); },
          };
          // Issue4147Live's hook on an element outside any live view: counts its mounts.
          window.Rekindle.hooks.HookOutside = {
            mounted() { window.hookOutsideMounts = (window.hookOutsideMounts || 0) + 1; },
          };
          // The client uploader of ExternalUploadLive: PUTs the file to the URL the presign callback gave,
          // reporting upload progress below 100 and 100 only once the store answered 200.
          window.Rekindle.uploaders = window.Rekindle.uploaders || {};
          window.Rekindle.uploaders.TestStore = (entries, onViewError) => entries.forEach((entry) => {
            const xhr = new XMLHttpRequest();
            onViewError(() => xhr.abort());
            entry.onCancel(() => xhr.abort());
            xhr.upload.addEventListener("progress", (event) => {
              if (event.lengthComputable) entry.progress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
            });
            xhr.onload = () => (xhr.status === 200 ? entry.progress(100) : entry.error(`store answered ${xhr.status}`));
            xhr.onerror = () => entry.error("store unreachable");
            xhr.open("PUT", entry.meta.url, true);
            xhr.send(entry.file);
          });
          window.addEventListener("phx:count_changed", ({ detail }) => log.push(`window event ${detail.count} count=${count()}`));
        })();
        """;
}
