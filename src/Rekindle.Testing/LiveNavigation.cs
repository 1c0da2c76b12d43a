namespace Rekindle.Testing;

/// <summary>How the server moved the page: a patch of the same view, a live navigation to another view, or a full page load.</summary>
public enum LiveNavigationKind
{
    /// <summary><c>PushPatch</c>: same view, new URL (<c>live_patch</c>).</summary>
    Patch,

    /// <summary><c>PushNavigate</c>: another live view on the same socket (<c>live_redirect</c>).</summary>
    LiveRedirect,

    /// <summary><c>Redirect</c>: a full page load (<c>redirect</c>).</summary>
    Redirect,
}

/// <summary>One navigation the server asked the page for.</summary>
/// <param name="Kind">Patch, live redirect or redirect.</param>
/// <param name="To">The target as the server sent it (a path, usually).</param>
/// <param name="Replace">Whether the history entry is replaced rather than pushed (patches and live redirects).</param>
public sealed record LiveNavigation(LiveNavigationKind Kind, string To, bool Replace)
{
    /// <summary>The flash messages the navigation carries to its target page (kind → message); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Flash { get; init; } = new Dictionary<string, string>();

    /// <summary>The flash as the protected token the server sent, which the client hands to the next page.</summary>
    internal string? FlashToken { get; init; }

    /// <summary>Equal when kind, target, replace and the flash messages are (the protected token, which differs on every encryption, is not compared).</summary>
    public bool Equals(LiveNavigation? other) =>
        other is not null && Kind == other.Kind && To == other.To && Replace == other.Replace
        && Flash.Count == other.Flash.Count && Flash.All(pair => other.Flash.TryGetValue(pair.Key, out var message) && message == pair.Value);

    /// <summary>A hash of the compared parts.</summary>
    public override int GetHashCode() => HashCode.Combine(Kind, To, Replace, Flash.Count);
}
