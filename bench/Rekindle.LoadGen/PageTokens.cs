namespace Rekindle.LoadGen;

/// <summary>What the dead render gives a tab: the session cookie, the CSRF meta tag, the container id and its tokens.</summary>
internal sealed record PageTokens(string Cookie, string CsrfToken, string ViewId, string Session, string Static)
{
    /// <summary>GETs the page; with <paramref name="cookie"/>, as a further tab of the same browser (same session).</summary>
    public static async Task<PageTokens> LoadAsync(LoadContext ctx, string? cookie, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ctx.Options.Path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await ctx.Http.SendAsync(request, cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {ctx.Options.Path} answered {(int)response.StatusCode}");
        }
        var html = await response.Content.ReadAsStringAsync(cancel);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? string.Join("; ", values.Select(v => v.Split(';', 2)[0]))
            : cookie ?? throw new FormatException("the page set no cookie (expected the browser session cookie)");
        return new PageTokens(
            cookies,
            Attribute(html, "<meta name=\"csrf-token\" content=\""),
            Attribute(html, "data-phx-main", before: "<div id=\""),
            Attribute(html, "data-phx-session=\""),
            Attribute(html, "data-phx-static=\""));
    }

    /// <summary>The quoted value that follows <paramref name="marker"/>; with <paramref name="before"/>, the id of the tag holding the marker.</summary>
    private static string Attribute(string html, string marker, string? before = null)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException($"the page has no {marker}");
        }
        if (before is not null)
        {
            var start = html.LastIndexOf(before, at, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new FormatException($"no {before} before {marker}");
            }
            start += before.Length;
            return html[start..html.IndexOf('"', start)];
        }
        var valueStart = at + marker.Length;
        return html[valueStart..html.IndexOf('"', valueStart)];
    }
}
