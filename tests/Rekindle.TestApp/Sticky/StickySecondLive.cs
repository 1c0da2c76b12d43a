namespace Rekindle.TestApp.Sticky;

/// <summary>The second page of the sticky route group.</summary>
public sealed class StickySecondLive() : StickyPageLive("second");
