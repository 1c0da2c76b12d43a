namespace Rekindle.TestApp;

/// <summary>
/// The test views' JavaScript: the <c>LifecycleHook</c> of <see cref="HookLifecycleLive"/>, which
/// writes each callback it gets, and what the element showed at that moment, to <c>window.lifecycleLog</c>,
/// and a plain <c>window</c> listener for the same pushed event. It adds to <c>window.Rekindle.hooks</c>,
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
          window.addEventListener("phx:count_changed", ({ detail }) => log.push(`window event ${detail.count} count=${count()}`));
        })();
        """;
}
