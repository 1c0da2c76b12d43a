using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.Recovery;
using Rekindle.Runtime;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Hosting;

/// <summary>
/// The join of a nested view (docs/protocol.md §2.5, §3.3): its type, parent and session come from its
/// signed token, not from a route; it mounts without the route group's hooks and without
/// <c>HandleParamsAsync</c> (a child has no URL of its own), and restores under its own snapshot key.
/// </summary>
internal sealed partial class ChildViewJoiner(SessionTokens tokens, FlashTokens flashTokens, SnapshotService snapshots, IServiceScopeFactory scopes, ILogger<ChildViewJoiner> logger)
{
    public async ValueTask<JoinResult> JoinAsync(SessionToken token, JsonElement payload, SocketSession session, IViewRuntime runtime, CancellationToken cancellationToken)
    {
        // The token is authentic, so the type name is ours; still only a live view is ever created from it.
        if (Type.GetType(token.ChildType!, throwOnError: false) is not { } type || !type.IsSubclassOf(typeof(LiveView)) || !Uri.TryCreate(token.Url, UriKind.Absolute, out var url))
        {
            Log.UnknownChild(logger, token.ViewId, token.ChildType ?? "");
            return JoinResult.Refused("stale");
        }
        // Looked up before the view exists, as for a routed view (ViewJoiner).
        var connectParams = new ConnectParams(payload.TryGetProperty("params", out var raw) ? raw : default);
        var restoreCrashed = session.HasRestoreCrashed(ProtocolNames.ViewTopicPrefix + token.ViewId);
        var lookup = await snapshots.LoadAsync(token.Key, token.BrowserSessionId, connectParams, restoreCrashed, cancellationToken);
        if (lookup.StoreUnavailable)
        {
            return JoinResult.ComeBackLater;
        }
        var scope = scopes.CreateAsyncScope();
        try
        {
            var view = (LiveView)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            view.SetConnected(true);
            view.Runtime = runtime;
            view.Cancellation = cancellationToken;
            view.Children = new ConnectedChildViews(tokens, token, url.AbsoluteUri);
            await view.MountAsync(new MountContext(url, new Dictionary<string, string?>(), connectParams, session.User, token.BrowserSessionId, token.Session));
            if (view.Effects.Navigation is { } navigation)
            {
                var redirect = JoinResult.Redirected(navigation, flashTokens.Protect(view.Flash, token.BrowserSessionId));
                await scope.DisposeAsync();
                return redirect;
            }
            var sticky = token.ParentId is null;
            var handoffId = sticky ? StickyHandoffs.Id(type, token.ViewId) : null;
            // A sticky view with no snapshot of its own is on a new page load: it starts from the state its
            // browser session's sticky view had last, unless the snapshots are being skipped for this join.
            var seed = handoffId is not null && lookup.Snapshot is null && !restoreCrashed && connectParams.MountAttempts < snapshots.Options.SkipAfterFailedJoins;
            var snapshot = seed ? await snapshots.Handoffs.LoadAsync(handoffId!, token.BrowserSessionId, cancellationToken) : lookup.Snapshot; // seed implies a handoff id
            var missReason = snapshot is null ? lookup.MissReason : null;
            return new JoinResult.Mounted(view, scope, token.Key, token.BrowserSessionId, url, snapshot, token.LiveSession, LivePatch: null, missReason) { Nested = true, Sticky = sticky, HandoffId = handoffId, SeededFromHandoff = seed && snapshot is not null };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MountCrashed(logger, exception, type.Name, token.ViewId);
            await scope.DisposeAsync();
            return JoinResult.Refused("join crashed");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6301, LogLevel.Warning, "Join of nested view {Id} refused as stale: its type {Type} is not a live view of this app (a deploy removed or renamed it).", EventName = nameof(UnknownChild))]
        public static partial void UnknownChild(ILogger logger, string id, string type);

        [LoggerMessage(6302, LogLevel.Error, "Mounting nested view {View} ({Id}) failed; the client retries its join a few times, then gives it up (the page is not reloaded).", EventName = nameof(MountCrashed))]
        public static partial void MountCrashed(ILogger logger, Exception exception, string view, string id);
    }
}
