using System.Security.Claims;

namespace Rekindle.Runtime;

/// <summary>
/// What the WebSocket upgrade request established: the browser session whose CSRF token it
/// presented (<see langword="null"/> when the token was missing or forged, which makes every join
/// answer <c>stale</c>, as Phoenix does), and the ASP.NET Core user.
/// </summary>
internal sealed record SocketSession(string? BrowserSessionId, ClaimsPrincipal User, string RemoteAddress);
