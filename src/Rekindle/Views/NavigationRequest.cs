namespace Rekindle.Views;

/// <summary>A navigation a handler asked for, carried out after it returns (docs/protocol.md §8.4).</summary>
internal abstract record NavigationRequest(string To);

/// <summary>Same view, new URL: <c>HandleParamsAsync</c> runs and the browser's history is updated.</summary>
internal sealed record PatchRequest(string To, bool Replace) : NavigationRequest(To);

/// <summary>Another live view of the same route group, without a page load.</summary>
internal sealed record NavigateRequest(string To, bool Replace) : NavigationRequest(To);

/// <summary>A full page load of any URL.</summary>
internal sealed record RedirectRequest(string To) : NavigationRequest(To);
