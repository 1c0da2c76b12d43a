namespace Rekindle.Testing;

/// <summary>
/// How a view's joins name their URL: the page's own URL, or, for a view reached by live
/// navigation on the old page's tokens, the target in <c>redirect</c> with the previous URL and
/// the flash token the navigation carried (docs/protocol.md §3.2, §8.3). A nested or sticky view
/// names none (§2.5).
/// </summary>
internal sealed record JoinTarget(Uri? Redirect, Uri? Referer, string? FlashToken)
{
    public static JoinTarget Page { get; } = new(null, null, null);

    /// <summary>A nested view, or with <paramref name="sticky"/> a sticky one: no URL in its joins.</summary>
    public static JoinTarget Child(bool sticky) => new(null, null, null) { Nested = true, Sticky = sticky };

    public bool Nested { get; init; }

    public bool Sticky { get; init; }

    /// <summary>The join payload the client builds afresh for every (re)join (docs/protocol.md §3.2).</summary>
    public Dictionary<string, object?> Payload(LiveBrowser browser, DeadPage page, Uri url, int mounts)
    {
        var parameters = new Dictionary<string, object?>(browser.ConnectParams)
        {
            ["_csrf_token"] = page.CsrfToken,
            ["_mounts"] = mounts,
            ["_mount_attempts"] = 0,
        };
        var payload = new Dictionary<string, object?>
        {
            ["params"] = parameters,
            ["session"] = page.Session,
            ["static"] = page.Static,
            ["sticky"] = Sticky,
        };
        if (Nested)
        {
            return payload;
        }
        if (Redirect is not null)
        {
            // A view reached by live navigation names its URL in "redirect" on every later rejoin too (§8.3).
            payload["redirect"] = url.ToString();
            parameters["_live_referer"] = Referer?.ToString();
            if (mounts == 0 && FlashToken is { } flash)
            {
                payload["flash"] = flash;
            }
        }
        else
        {
            payload["url"] = url.ToString();
        }
        return payload;
    }
}
