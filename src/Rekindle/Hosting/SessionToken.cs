namespace Rekindle.Hosting;

/// <summary>
/// What the page's <c>data-phx-session</c> carries, signed and encrypted: the view it belongs to and
/// the browser session it was issued for, so a token copied to another browser is refused.
/// </summary>
/// <param name="Version">Token format version; an older one reads as outdated (<c>stale</c>).</param>
/// <param name="ViewId">The container id; must equal the topic suffix.</param>
/// <param name="Route">The route pattern the view was rendered for.</param>
/// <param name="LiveSession">The route group, for live navigation.</param>
/// <param name="BrowserSessionId">The browser session (cookie) the page was rendered for.</param>
internal sealed record SessionToken(int Version, string ViewId, string Route, string LiveSession, string BrowserSessionId)
{
    public const int CurrentVersion = 1;
}
