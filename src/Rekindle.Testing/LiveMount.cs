namespace Rekindle.Testing;

/// <summary>
/// What mounting a page gave: the joined view, or the navigation the page answered with instead (a
/// 302 of the GET, or a join answered with a redirect, e.g. by an on-mount hook).
/// </summary>
/// <param name="View">The joined view, or <see langword="null"/> when the mount navigated away.</param>
/// <param name="Redirect">Where the mount sent the browser, or <see langword="null"/> when it joined.</param>
public sealed record LiveMount(LiveViewTest? View, LiveNavigation? Redirect);
