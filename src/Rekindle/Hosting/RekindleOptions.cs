namespace Rekindle.Hosting;

/// <summary>Options of the hosting layer. Bound from the <c>Rekindle</c> configuration section.</summary>
public sealed class RekindleOptions
{
    /// <summary>
    /// Folder for the framework's files (the Data Protection key ring that signs session tokens).
    /// Relative paths are under the content root.
    /// </summary>
    /// <value><c>data</c>.</value>
    public string DataPath { get; set; } = "data";

    /// <summary>How long the session token of a page stays valid; the same token comes back on every rejoin of the tab.</summary>
    /// <value>14 days, as Phoenix.</value>
    public TimeSpan SessionTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a live route's GET or a socket upgrade waits for a dependency that is not ready yet
    /// (<see cref="IStartupDependency"/>: Redis on a node that started while it was down) before it
    /// gets 503 with <c>Retry-After</c>.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The page around a view's dead render. Defaults to <see cref="DefaultLayout.Render"/>.</summary>
    public Func<LayoutContext, string> Layout { get; set; } = DefaultLayout.Render;

    /// <summary>Extra markup for the default layout's <c>&lt;head&gt;</c> (styles, scripts defining <c>window.Rekindle</c>).</summary>
    /// <value>Empty.</value>
    public string HeadHtml { get; set; } = "";
}
