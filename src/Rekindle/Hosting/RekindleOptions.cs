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

    /// <summary>
    /// The ASP.NET Data Protection application name that tokens are bound to, unless the app set one
    /// itself (<c>AddDataProtection().SetApplicationName(...)</c>). Data Protection's own default is the
    /// content root path, so a deploy into a new folder (release folders, blue/green slots, a new
    /// container path) could not read the pages' tokens and every open tab reloaded with its state lost.
    /// Give each app sharing a key ring its own name; every node of one app, the same.
    /// </summary>
    /// <value><c>Rekindle</c>, as <c>AddRedis</c>'s default.</value>
    public string ApplicationName { get; set; } = "Rekindle";

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

    /// <summary>
    /// When a view throws while mounting or rendering for its page's first GET, answer 500 with an
    /// error page: the exception and the view's type in the Development environment, a plain page
    /// without details elsewhere (the exception is logged either way). False lets the exception reach
    /// the app's own exception handling (<c>UseExceptionHandler</c>, the developer exception page, or
    /// an in-memory test server, which hands it to the test).
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool MountErrorPage { get; set; } = true;
}
