namespace Rekindle.TestApp.Sticky;

/// <summary>The first page of the sticky route group.</summary>
public sealed class StickyFirstLive() : StickyPageLive("first");
