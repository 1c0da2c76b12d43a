namespace Rekindle.Views;

/// <summary>What a view knows when it mounts.</summary>
public sealed class MountContext
{
    internal MountContext(Uri uri, IReadOnlyDictionary<string, string?> parameters, ConnectParams? connectParams, System.Security.Claims.ClaimsPrincipal user, string sessionId, IReadOnlyDictionary<string, string>? session = null)
    {
        Session = session ?? new Dictionary<string, string>();
        SessionId = sessionId;
        Uri = uri;
        Params = parameters;
        ConnectParams = connectParams;
        User = user;
    }

    /// <summary>The page's URL.</summary>
    public Uri Uri { get; }

    /// <summary>Route values and query string parameters.</summary>
    public IReadOnlyDictionary<string, string?> Params { get; }

    /// <summary>
    /// Values the page passed to <c>new LiveSocket(path, Socket, {params})</c>; <see langword="null"/> in the dead render.
    /// </summary>
    public ConnectParams? ConnectParams { get; }

    /// <summary>Whether the view is mounting behind a live socket.</summary>
    public bool IsConnected => ConnectParams is not null;

    /// <summary>
    /// The browser session: a random id kept in an HttpOnly cookie and proven at connect by the
    /// page's CSRF token. The same for every page and tab of that browser until the cookie goes;
    /// an anonymous identity apps can key data on (e.g. a voter).
    /// </summary>
    public string SessionId { get; }

    /// <summary>
    /// What the parent passed to <see cref="LiveView.LiveRender{TView}"/> for a nested view; empty for a
    /// view mounted by a route. It travels signed in the child's session token, so it cannot be forged.
    /// </summary>
    public IReadOnlyDictionary<string, string> Session { get; }

    /// <summary>The ASP.NET Core user of the page request (empty when not authenticated).</summary>
    public System.Security.Claims.ClaimsPrincipal User { get; }
}
