namespace Rekindle.Hosting;

/// <summary>What a layout needs to wrap a view's dead render into a page.</summary>
/// <param name="Title">The view's page title, HTML-escaped (empty when none).</param>
/// <param name="CsrfToken">Goes into <c>&lt;meta name="csrf-token"&gt;</c>; the client bootstrap sends it with the socket.</param>
/// <param name="ScriptPath">The client bundle's URL.</param>
/// <param name="HeadHtml">Extra head markup from <see cref="RekindleOptions.HeadHtml"/>.</param>
/// <param name="ViewHtml">The view's container element with its dead render.</param>
public sealed record LayoutContext(string Title, string CsrfToken, string ScriptPath, string HeadHtml, string ViewHtml);
