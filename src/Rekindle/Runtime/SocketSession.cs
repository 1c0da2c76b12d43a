using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;

namespace Rekindle.Runtime;

/// <summary>
/// What the WebSocket upgrade request established: the browser session whose CSRF token it
/// presented (<see langword="null"/> when the token was missing or forged, which makes every join
/// answer <c>stale</c>, as Phoenix does), the ASP.NET Core user, the trace context of the request
/// that opened the connection, which every span of its views points back to; and which views' joins
/// crashed on this socket after their snapshot was applied.
/// </summary>
internal sealed record SocketSession(string? BrowserSessionId, ClaimsPrincipal? Principal, string RemoteAddress, ActivityContext Connection = default)
{
    /// <summary>
    /// The authenticated user, or a new anonymous one (what <c>HttpContext.User</c> gives without
    /// authentication): a socket of an app without authentication keeps no principal for its life.
    /// </summary>
    public ClaimsPrincipal User => Principal ?? new ClaimsPrincipal(new ClaimsIdentity());

    // Created by the first crashed restore: almost every socket never has one.
    private ConcurrentDictionary<string, bool>? _crashedRestores;

    /// <summary>
    /// Remembers that the join of <paramref name="topic"/> crashed after its snapshot was applied. The
    /// client retries a nested view's join on the same socket (docs/protocol.md §7.5); that retry mounts
    /// fresh instead of crashing on the same snapshot again.
    /// </summary>
    public void RestoreCrashed(string topic) =>
        LazyInitializer.EnsureInitialized(ref _crashedRestores, () => new(StringComparer.Ordinal))[topic] = true;

    /// <summary>Whether a join of <paramref name="topic"/> crashed on this socket after its snapshot was applied.</summary>
    public bool HasRestoreCrashed(string topic) => _crashedRestores?.ContainsKey(topic) == true;
}
