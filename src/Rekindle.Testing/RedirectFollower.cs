namespace Rekindle.Testing;

/// <summary>
/// Carries a <see cref="LiveViewTest"/> on to the target of its last live redirect or redirect, as the
/// client does (docs/protocol.md §8.3): a live redirect within the route group joins the target on the
/// page's tokens; anything else loads the target page.
/// </summary>
internal static class RedirectFollower
{
    public static async Task<LiveViewTest> FollowAsync<TView>(LiveViewTest from, LiveBrowser browser, CancellationToken cancellationToken)
        where TView : Views.LiveView
    {
        var navigations = from.Navigations;
        if (navigations.Count == 0 || navigations[^1] is not { Kind: LiveNavigationKind.LiveRedirect or LiveNavigationKind.Redirect } last)
        {
            throw new LiveViewTestException($"Expected a redirect to follow; got {(navigations.Count == 0 ? "no navigation" : $"{navigations[^1].Kind} to {navigations[^1].To}")}.");
        }
        var targetUrl = new Uri(from.Url, last.To);
        var page = from.Channel.Page;
        if (last.Kind == LiveNavigationKind.LiveRedirect && LiveTest.ViewTypeInRouteGroup(browser.Server.Services, page, targetUrl.AbsolutePath) is { } viewType)
        {
            if (viewType != typeof(TView))
            {
                throw new LiveViewTestException($"{last.To} is {viewType.Name}; expected {typeof(TView).Name}.");
            }
            var (view, redirect) = await ViewChannel.JoinAsync(browser, page, new JoinTarget(targetUrl, from.Url, last.FlashToken), LiveViewTest.DefaultTimeout, cancellationToken);
            return view is not null
                ? new LiveViewTest(view, browser)
                : throw new LiveViewTestException($"The live redirect to {last.To} navigated away ({redirect!.Kind} to {redirect.To})."); // no view means a redirect
        }
        // A live redirect out of the route group is a full page load (the join answers unauthorized, §8.3).
        if (last.Kind == LiveNavigationKind.Redirect && last.FlashToken is { } flash)
        {
            browser.WithCookie(Rekindle.Runtime.FlashTokens.CookieName, flash);
        }
        return await browser.MountAsync<TView>(last.To, cancellationToken);
    }
}
