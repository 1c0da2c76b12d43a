namespace Rekindle.Testing;

/// <summary>
/// How a view's joins name their URL: the page's own URL, or, for a view reached by live
/// navigation on the old page's tokens, the target in <c>redirect</c> with the previous URL and
/// the flash token the navigation carried (docs/protocol.md §3.2, §8.3).
/// </summary>
internal sealed record JoinTarget(Uri? Redirect, Uri? Referer, string? FlashToken)
{
    public static JoinTarget Page { get; } = new(null, null, null);
}
