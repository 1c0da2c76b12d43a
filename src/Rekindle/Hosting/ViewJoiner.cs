using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.Recovery;
using Rekindle.Runtime;
using Rekindle.Views;
using Rekindle.Routing;
using Rekindle.Wire;

namespace Rekindle.Hosting;

/// <summary>
/// The connected half of a view's life start (docs/protocol.md §3.3): checks the tokens against
/// the topic and the socket's browser session, routes the URL, creates the view in its own DI
/// scope and mounts it with the connect params. Refusals are results, not exceptions.
/// </summary>
internal sealed partial class ViewJoiner(SessionTokens tokens, FlashTokens flashTokens, ViewMounter mounter, LiveRouteTable routes, SnapshotService snapshots, ChildViewJoiner childJoiner, LiveSessionLayouts layouts, IServiceScopeFactory scopes, ILogger<ViewJoiner> logger) : IViewJoiner
{
    /// <summary>Patches a mount may chain before the join gives up, as Elixir's limit of 20 (§8.4).</summary>
    private const int MaxMountPatches = 20;

    public async ValueTask<JoinResult> JoinAsync(string topic, JsonElement payload, SocketSession session, IViewRuntime runtime, CancellationToken cancellationToken)
    {
        if (session.BrowserSessionId is null)
        {
            Log.NoBrowserSession(logger, topic);
            return JoinResult.Refused("stale");
        }
        if (!tokens.TryReadSession(ReadString(payload, "session"), out var token)
            || !string.Equals(ProtocolNames.ViewTopicPrefix + token.ViewId, topic, StringComparison.Ordinal)
            || !string.Equals(token.BrowserSessionId, session.BrowserSessionId, StringComparison.Ordinal))
        {
            Log.TokenRefused(logger, topic, "session token invalid, expired, or for another view or browser session");
            return JoinResult.Refused("stale");
        }
        IReadOnlyDictionary<string, string>? staticFlash = null;
        if (ReadString(payload, "static") is { } staticToken && (!tokens.TryReadStatic(staticToken, out var staticViewId, out staticFlash) || staticViewId != token.ViewId))
        {
            Log.TokenRefused(logger, topic, "static token invalid or for another view");
            return JoinResult.Refused("stale");
        }
        if (token.ChildType is not null)
        {
            return await childJoiner.JoinAsync(token, payload, session, runtime, cancellationToken);
        }
        if (!TryRoute(token, payload, out var route, out var uri, out var routeValues))
        {
            Log.TokenRefused(logger, topic, "the URL no longer routes to the token's view or its route group");
            return JoinResult.Refused("unauthorized");
        }

        // The snapshot is looked up before the view exists: a join the store cannot answer yet (held,
        // then told to come back) costs no mount, no DI scope and no work of the view's own.
        var connectParams = new ConnectParams(payload.TryGetProperty("params", out var raw) ? raw : default);
        var lookup = await snapshots.LoadAsync(token.Key, token.BrowserSessionId, connectParams, session.HasRestoreCrashed(topic), cancellationToken);
        if (lookup.StoreUnavailable)
        {
            return JoinResult.ComeBackLater;
        }
        var scope = scopes.CreateAsyncScope();
        try
        {
            var view = (LiveView)ActivatorUtilities.CreateInstance(scope.ServiceProvider, route.ViewType);
            view.SetConnected(true);
            view.Runtime = runtime;
            view.Cancellation = cancellationToken;
            view.Children = new ConnectedChildViews(tokens, token, uri.AbsoluteUri);
            view.Layout = layouts.Create(route.LiveSession, scope.ServiceProvider);
            var parameters = RouteParameters.From(routeValues, uri.Query);
            // The flash of a live navigation comes in the join; the dead render's only on the first mount of the page's own view (§3.3 step 5).
            var flash = ReadString(payload, "flash") is { } flashToken
                ? flashTokens.Read(flashToken, token.BrowserSessionId)
                : ReadString(payload, "redirect") is null && connectParams.Mounts == 0 ? staticFlash : null;
            var mount = new MountContext(uri, parameters, connectParams, session.User, token.BrowserSessionId);
            var navigation = await mounter.MountAsync(view, route, mount, scope.ServiceProvider, flash);
            PatchRequest? livePatch = null;
            for (var patches = 0; navigation is PatchRequest patch; patches++)
            {
                if (patches == MaxMountPatches)
                {
                    throw new InvalidOperationException($"{route.ViewType.Name} patched the URL {MaxMountPatches} times while mounting. Expected PushPatch during mount to settle on a URL.");
                }
                if (!Uri.TryCreate(uri, patch.To, out var target)
                    || routes.Match(target.AbsolutePath, route.LiveSession) is not { } match
                    || match.Route.ViewType != route.ViewType)
                {
                    navigation = new NavigateRequest(patch.To, patch.Replace);
                    break;
                }
                view.Effects.Navigation = null;
                (uri, livePatch) = (target, patch);
                await view.HandleParamsAsync(RouteParameters.From(match.Values, target.Query), target);
                navigation = view.Effects.Navigation;
            }
            if (navigation is not null)
            {
                Log.MountRedirected(logger, route.ViewType.Name, topic);
                var redirect = JoinResult.Redirected(navigation, flashTokens.Protect(view.Flash, token.BrowserSessionId));
                await scope.DisposeAsync();
                return redirect;
            }
            return new JoinResult.Mounted(view, scope, token.Key, token.BrowserSessionId, uri, lookup.Snapshot, route.LiveSession, livePatch, lookup.MissReason)
            {
                // As Phoenix: only a join by live navigation names the container, since the client reuses the previous view's element (§8.3).
                Container = ReadString(payload, "redirect") is not null ? route.Container : null,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MountCrashed(logger, exception, route.ViewType.Name, topic);
            await scope.DisposeAsync();
            return JoinResult.Refused("join crashed");
        }
    }

    /// <summary>
    /// A join names its URL in <c>url</c> or, after live navigation, in <c>redirect</c> (any live
    /// route of the token's route group; the client keeps sending the first page's tokens, §8.3).
    /// A <c>url</c> must route to the token's view, by the token's own route or, after a live patch
    /// (<c>JS.patch</c>, <c>PushPatch</c>) took the page to another route of the same view, by any
    /// route of that view in the token's route group (§8.2), as Phoenix's route check does.
    /// </summary>
    private bool TryRoute(SessionToken token, JsonElement payload, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveRoute? route, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri, out Microsoft.AspNetCore.Routing.RouteValueDictionary routeValues)
    {
        routeValues = [];
        route = null;
        if (Uri.TryCreate(ReadString(payload, "redirect"), UriKind.Absolute, out uri))
        {
            if (routes.Match(uri.AbsolutePath, token.LiveSession) is not { } match)
            {
                return false;
            }
            (route, routeValues) = match;
            return true;
        }
        route = routes.Find(token.Route);
        if (route is null || !Uri.TryCreate(ReadString(payload, "url"), UriKind.Absolute, out uri))
        {
            return false;
        }
        if (route.TryMatch(uri.AbsolutePath, out routeValues))
        {
            return true;
        }
        if (routes.Match(uri.AbsolutePath, token.LiveSession) is { } patched && patched.Route.ViewType == route.ViewType)
        {
            (route, routeValues) = patched;
            return true;
        }
        return false;
    }

    private static string? ReadString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Warning,
            "Join on {Topic} refused as stale: the socket has no verified browser session. Check that 1) the page has <meta name=\"csrf-token\"> from the Rekindle layout, 2) the LiveSocket is created with params {{_csrf_token: token}} (rekindle.js does it), 3) the browser sends the rekindle.sid cookie to the socket's host.",
            EventName = nameof(NoBrowserSession))]
        public static partial void NoBrowserSession(ILogger logger, string topic);

        [LoggerMessage(6002, LogLevel.Debug, "Join on {Topic} refused: {Reason}.", EventName = nameof(TokenRefused))]
        public static partial void TokenRefused(ILogger logger, string topic, string reason);

        [LoggerMessage(6003, LogLevel.Error, "Mounting {View} on {Topic} failed.", EventName = nameof(MountCrashed))]
        public static partial void MountCrashed(ILogger logger, Exception exception, string view, string topic);

        [LoggerMessage(6702, LogLevel.Debug, "Mount of {View} on {Topic} navigated away (an on-mount hook halted, or the view redirected); the join answers with the redirect.", EventName = nameof(MountRedirected))]
        public static partial void MountRedirected(ILogger logger, string view, string topic);
    }
}
