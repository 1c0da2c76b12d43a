namespace Rekindle.TestApp.Sticky;

/// <summary>The third page of the sticky route group.</summary>
public sealed class StickyThirdLive() : StickyPageLive("third");
