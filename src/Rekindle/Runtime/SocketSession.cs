using System.Diagnostics;
using System.Security.Claims;

namespace Rekindle.Runtime;

/// <summary>
/// What the WebSocket upgrade request established: the browser session whose CSRF token it
/// presented (<see langword="null"/> when the token was missing or forged, which makes every join
/// answer <c>stale</c>, as Phoenix does), the ASP.NET Core user, and the trace context of the request
/// that opened the connection, which every span of its views points back to.
/// </summary>
internal sealed record SocketSession(string? BrowserSessionId, ClaimsPrincipal User, string RemoteAddress, ActivityContext Connection = default);
