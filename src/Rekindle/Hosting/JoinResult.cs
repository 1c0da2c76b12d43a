using Microsoft.Extensions.DependencyInjection;
using Rekindle.Recovery;
using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>
/// The outcome of a join: a mounted view with its DI scope, identity and the snapshot found for it,
/// or the reason sent to the client (<c>stale</c>, <c>unauthorized</c>, <c>join crashed</c>), or the
/// navigation the mount asked for instead of a render (with the flash token to carry along), or
/// <see cref="ComeBackLater"/>: the view's state may be in a store that cannot be reached now.
/// </summary>
internal sealed record JoinResult(
    LiveView? View,
    AsyncServiceScope? Scope,
    string? ErrorReason,
    string ViewId = "",
    string BrowserSessionId = "",
    Uri? Url = null,
    ViewSnapshot? Snapshot = null,
    string LiveSession = "",
    NavigationRequest? Navigation = null,
    string? FlashToken = null,
    PatchRequest? LivePatch = null,
    bool StoreUnavailable = false,
    string? SnapshotMissReason = null)
{
    public static JoinResult ComeBackLater { get; } = new(null, null, null, StoreUnavailable: true);

    public static JoinResult Refused(string reason) => new(null, null, reason);

    public static JoinResult Redirected(NavigationRequest navigation, string? flashToken) => new(null, null, null, Navigation: navigation, FlashToken: flashToken);
}
