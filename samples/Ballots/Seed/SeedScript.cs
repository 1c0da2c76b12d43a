namespace Ballots.Seed;

/// <summary>
/// The seed page's JavaScript: connect params and the note's StateRecoveryHook, which stashes
/// submitted selections in the page and pushes them back in <c>reconnected</c>. Every hook callback
/// is logged in <c>window.hookLog</c> so tests can see the lifecycle.
/// </summary>
internal static class SeedScript
{
    public const string Path = "/seed.js";
    public const string Tag = $"<script src=\"{Path}\"></script>";

    public const string Source = """
        window.hookLog = [];
        const saved = {};
        window.Rekindle = window.Rekindle || {};
        window.Rekindle.params = () => ({ seed_param: "from-the-page" });
        window.Rekindle.hooks = window.Rekindle.hooks || {};
        Object.assign(window.Rekindle.hooks, {
          StateRecoveryHook: {
            mounted() {
              window.hookLog.push("mounted");
              this.handleEvent("selection_submitted", ({ ballot, choice }) => {
                saved[ballot] = choice;
                this.el.dataset.saved = JSON.stringify(saved);
              });
            },
            beforeUpdate() { window.hookLog.push("beforeUpdate"); },
            updated() { window.hookLog.push("updated"); },
            destroyed() { window.hookLog.push("destroyed"); },
            disconnected() { window.hookLog.push("disconnected"); },
            reconnected() {
              window.hookLog.push("reconnected");
              this.pushEvent("restore_saved_state", { saved }, (reply) => {
                window.hookLog.push("restore-reply:" + reply.restored);
              });
            },
          },
        });
        """;
}
