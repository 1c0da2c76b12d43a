namespace Ballots.Voting;

/// <summary>
/// The manual mode's hook (the design note's <c>StateRecoveryHook</c>, named for this app):
/// stashes each submitted selection the server pushes (<c>ballots:submitted</c>) and pushes the
/// stash back as <c>restore_saved_state</c> in <c>reconnected</c>. It adds itself to
/// <c>window.Rekindle.hooks</c> beside the hooks other scripts add, in any order.
/// <c>window.ballotsRecovery</c> shows the stash and a log of the hook's callbacks (tests read it).
/// </summary>
internal static class VotingScript
{
    public const string Path = "/ballots.js";
    public const string Tag = $"<script src=\"{Path}\"></script>";

    public const string Source = """
        (() => {
          const state = (window.ballotsRecovery = { saved: {}, log: [] });
          window.Rekindle = window.Rekindle || {};
          window.Rekindle.hooks = window.Rekindle.hooks || {};
          window.Rekindle.hooks.BallotStateRecoveryHook = {
            mounted() {
              state.log.push("mounted");
              this.handleEvent("ballots:submitted", ({ ballot, choice }) => {
                state.saved[ballot] = choice;
                state.log.push("stashed:" + ballot + "=" + choice);
              });
            },
            disconnected() { state.log.push("disconnected"); },
            reconnected() {
              state.log.push("reconnected");
              this.pushEvent("restore_saved_state", { saved: state.saved }, (reply) => {
                state.log.push("restore-reply:" + reply.restored);
              });
            },
          };
        })();
        """;
}
