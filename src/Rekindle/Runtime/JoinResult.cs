using Microsoft.Extensions.DependencyInjection;
using Rekindle.Recovery;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// The outcome of a join, one of four (the private constructor closes the set):
/// <see cref="Mounted"/>, a mounted view with its DI scope, identity and the snapshot found for it (or why none was);
/// <see cref="Refusal"/>, the reason sent to the client (<c>stale</c>, <c>unauthorized</c>,
/// <c>join crashed</c>); <see cref="Redirect"/>, the navigation the mount asked for instead of a
/// render, with the flash token to carry along; <see cref="Deferred"/>, the view's state may be in a
/// store that cannot be reached now.
/// </summary>
internal abstract record JoinResult
{
    private JoinResult()
    {
    }

    public static JoinResult ComeBackLater { get; } = new Deferred();

    public static JoinResult Refused(string reason) => new Refusal(reason);

    public static JoinResult Redirected(NavigationRequest navigation, string? flashToken) => new Redirect(navigation, flashToken);

    public sealed record Mounted(
        LiveView View,
        AsyncServiceScope Scope,
        string ViewId,
        string BrowserSessionId,
        Uri Url,
        ViewSnapshot? Snapshot,
        string LiveSession,
        PatchRequest? LivePatch,
        string? SnapshotMissReason = null) : JoinResult
    {
        /// <summary>A view rendered by another (docs/protocol.md §2.5): it may navigate but not patch the URL.</summary>
        public bool Nested { get; init; }

        /// <summary>A sticky view (docs/protocol.md §2.5): its live navigation moves the main view and it stays.</summary>
        public bool Sticky { get; init; }

        /// <summary>A sticky view's handoff id (<see cref="StickyHandoffs"/>): its snapshots are saved there too, for the next page load.</summary>
        public string? HandoffId { get; init; }

        /// <summary>The <see cref="Snapshot"/> is the sticky view's handoff, not its own: the view saves it under its own key at once.</summary>
        public bool SeededFromHandoff { get; init; }

        /// <summary>The routed view's container, sent in the reply of a join by live navigation (docs/protocol.md §8.3).</summary>
        public LiveContainer? Container { get; init; }
    }

    public sealed record Refusal(string Reason) : JoinResult;

    public sealed record Redirect(NavigationRequest Navigation, string? FlashToken) : JoinResult;

    public sealed record Deferred : JoinResult;
}
