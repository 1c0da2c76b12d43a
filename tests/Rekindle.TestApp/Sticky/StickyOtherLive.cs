namespace Rekindle.TestApp.Sticky;

/// <summary>The page of the second sticky route group, reached from the first only by a full page load.</summary>
public sealed class StickyOtherLive() : StickyPageLive("other");
