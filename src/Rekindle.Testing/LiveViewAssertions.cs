namespace Rekindle.Testing;

/// <summary>
/// Assertions on a <see cref="LiveViewTest"/> beside its own <c>Assert*</c> members: their
/// <c>Refute*</c> forms, markup equivalence, and waits for what arrives without an action of the
/// test (PubSub, timers, other views).
/// </summary>
public static class LiveViewAssertions
{
    /// <summary>How long <see cref="RefutePushEventAsync"/> watches by default, as LiveViewTest's <c>refute_push_event</c> (100 ms).</summary>
    public static TimeSpan DefaultRefuteWindow { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Asserts that exactly one element matches (with the text filter, when given) and returns it.</summary>
    public static LiveElement AssertElement(this LiveViewTest view, string selector, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        view.QuerySingle(selector, text);
        return view.Element(selector, text);
    }

    /// <summary>Asserts that no element matches <paramref name="selector"/> (with the text filter, when given).</summary>
    public static void RefuteElement(this LiveViewTest view, string selector, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Elements(selector, text) is { Count: > 0 } matches)
        {
            throw new LiveViewTestException($"Expected no element matching '{selector}'{(text is null ? "" : $" with text '{text}'")}; found {matches.Count}:\n{string.Join("\n", matches.Select(match => match.OuterHtml))}");
        }
    }

    /// <summary>Asserts that the view has not been sent away: no live redirect or redirect (to <paramref name="path"/>, when given) so far.</summary>
    public static void RefuteRedirected(this LiveViewTest view, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Navigations.FirstOrDefault(navigation => navigation.Kind != LiveNavigationKind.Patch && (path is null || navigation.To == path)) is { } redirect)
        {
            throw new LiveViewTestException($"Expected no redirect{(path is null ? "" : $" to {path}")}; got {redirect.Kind} to {redirect.To}.");
        }
    }

    /// <summary>Asserts that the view has pushed no event named <paramref name="name"/> so far.</summary>
    public static void RefutePushEvent(this LiveViewTest view, string name)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.PushedEvents.FirstOrDefault(pushed => pushed.Name == name) is { } pushed)
        {
            throw new LiveViewTestException($"Expected no pushed event '{name}'; got one with {pushed.Payload.GetRawText()}.");
        }
    }

    /// <summary>Watches for <paramref name="within"/> (default 100 ms) and asserts that no event named <paramref name="name"/> was pushed by then.</summary>
    public static async Task RefutePushEventAsync(this LiveViewTest view, string name, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await Task.Delay(within ?? DefaultRefuteWindow, cancellationToken);
        view.RefutePushEvent(name);
    }

    /// <summary>Waits until the view has pushed an event named <paramref name="name"/> and returns the latest one.</summary>
    public static async Task<PushedEvent> WaitForPushEventAsync(this LiveViewTest view, string name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await view.WaitUntilAsync(current => current.PushedEvents.Any(pushed => pushed.Name == name), timeout, cancellationToken);
        return view.AssertPushEvent(name);
    }

    /// <summary>Waits until exactly one element matches (with the text filter, when given) and returns it.</summary>
    /// <example><code>await view.WaitForElementAsync("#feed li", text: "New message");</code></example>
    public static async Task<LiveElement> WaitForElementAsync(this LiveViewTest view, string selector, string? text = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await view.WaitUntilAsync(current => current.Elements(selector, text).Count == 1, timeout, cancellationToken);
        return view.Element(selector, text);
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> now and after every change the server sends until it passes,
    /// as bUnit's <c>WaitForAssertion</c>; at the timeout, throws with the assertion's last failure.
    /// </summary>
    /// <example><code>await view.WaitForAssertionAsync(v => Assert.Equal("3", v.Element("#votes").Text));</code></example>
    public static async Task WaitForAssertionAsync(this LiveViewTest view, Action<LiveViewTest> assertion, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(assertion);
        Exception? last = null;
        try
        {
            await view.WaitUntilAsync(current =>
            {
                try
                {
                    assertion(current);
                    return true;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    last = exception;
                    return false;
                }
            }, timeout, cancellationToken);
        }
        catch (LiveViewTestException timedOut) when (last is not null)
        {
            throw new LiveViewTestException($"The assertion still failed: {last.Message}", new AggregateException(last, timedOut));
        }
    }

    /// <summary>
    /// Asserts that the element matching <paramref name="selector"/> is equivalent to
    /// <paramref name="expectedHtml"/> as bUnit's <c>MarkupMatches</c> compares: attribute order,
    /// whitespace runs and the client's <c>data-phx-*</c> attributes do not matter.
    /// </summary>
    /// <example><code>view.AssertMarkupMatches("#total", "&lt;p id=\"total\" class=\"sum\"&gt; 3 votes &lt;/p&gt;");</code></example>
    public static void AssertMarkupMatches(this LiveViewTest view, string selector, string expectedHtml)
    {
        ArgumentNullException.ThrowIfNull(view);
        var actual = HtmlEquivalence.Canonical(view.QuerySingle(selector).OuterHtml);
        var expected = HtmlEquivalence.Canonical(expectedHtml);
        if (actual != expected)
        {
            throw new LiveViewTestException($"The markup of '{selector}' does not match.\nExpected:\n{expected}\nActual:\n{actual}");
        }
    }

    /// <summary>
    /// Writes the page as the browser shows it now (the view's HTML in a page with its title) to a
    /// temporary HTML file and returns its path, to open in a browser while debugging, as
    /// LiveViewTest's <c>open_browser</c>. Scripts are not included: the page is a still picture.
    /// </summary>
    public static string DumpToFile(this LiveViewTest view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var path = Path.Combine(Path.GetTempPath(), $"rekindle-view-{Guid.NewGuid():N}.html");
        var title = System.Net.WebUtility.HtmlEncode(view.PageTitle ?? "");
        var url = System.Net.WebUtility.HtmlEncode(view.Url.ToString());
        File.WriteAllText(path, $"<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n<!-- {url} -->\n<div data-phx-main>{view.RenderedHtml}</div>\n</body>\n</html>\n");
        return path;
    }
}
