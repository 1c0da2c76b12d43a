using System.Text.Json.Serialization;

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
    /// <summary>A nested view's type (assembly-qualified); <see langword="null"/> for a routed view.</summary>
    public string? ChildType { get; init; }

    /// <summary>The container id of a nested view's parent.</summary>
    public string? ParentId { get; init; }

    /// <summary>
    /// The key of the view's snapshots: a routed view's id, or a child's parent key and its own id, so two
    /// children of one type never swap state and two tabs never share a child's.
    /// </summary>
    public string? StateKey { get; init; }

    /// <summary>What the parent passed to <c>LiveRender</c> (<c>MountContext.Session</c>).</summary>
    public IReadOnlyDictionary<string, string>? Session { get; init; }

    /// <summary>The page's URL when the parent rendered the child, for the child's <c>MountContext.Uri</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The snapshot key: <see cref="StateKey"/>, or the container id for a routed view.</summary>
    [JsonIgnore]
    public string Key => StateKey ?? ViewId;

    public const int CurrentVersion = 1;
}
