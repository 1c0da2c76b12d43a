namespace Rekindle.Testing;

/// <summary>The dead render of a live page: what the client reads before it joins (docs/protocol.md §2).</summary>
internal sealed record DeadPage(Uri Url, string Html, string ViewId, string Session, string? Static, string CsrfToken);
