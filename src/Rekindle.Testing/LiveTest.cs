using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rekindle.Hosting;
using Rekindle.Views;
using Rekindle.Routing;

namespace Rekindle.Testing;

/// <summary>
/// Mounts live views of an application hosted in memory (ASP.NET Core's <see cref="TestServer"/>),
/// through the same dead render, socket endpoint and join as a browser, without a port or a browser.
/// </summary>
/// <example><code>
/// var builder = WebApplication.CreateBuilder();
/// builder.WebHost.UseTestServer();
/// builder.Services.AddRekindle();
/// await using var app = builder.Build();
/// app.MapLiveView&lt;CounterLive&gt;("/counter");
/// await app.StartAsync();
///
/// await using var view = await LiveTest.MountAsync&lt;CounterLive&gt;(app, "/counter");
/// await view.Element("#inc").ClickAsync();
/// Assert.Contains("&lt;span id=\"count\"&gt;1&lt;/span&gt;", view.RenderedHtml);
/// </code></example>
public static class LiveTest
{
    /// <summary>
    /// GETs <paramref name="path"/> (a fresh browser: no cookies yet, anonymous), checks that it
    /// renders <typeparamref name="TView"/>, and joins it over the in-memory socket.
    /// </summary>
    /// <param name="app">A started application built with <c>builder.WebHost.UseTestServer()</c>.</param>
    /// <param name="path">The page's path and query, e.g. <c>/elections/3?tab=results</c>.</param>
    /// <param name="cancellationToken">Cancels the GET and the join.</param>
    /// <exception cref="LiveViewTestException">The page is not a live view of that type, or the join was refused.</exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static Task<LiveViewTest> MountAsync<TView>(IHost app, string path, CancellationToken cancellationToken = default)
        where TView : LiveView => Browser(app).MountAsync<TView>(path, cancellationToken);

    /// <inheritdoc cref="MountAsync{TView}(IHost, string, CancellationToken)"/>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static Task<LiveViewTest> MountAsync<TView>(TestServer server, string path, CancellationToken cancellationToken = default)
        where TView : LiveView => new LiveBrowser(server).MountAsync<TView>(path, cancellationToken);

    /// <summary>A fresh browser for <paramref name="app"/>, to set who is browsing (user, cookies, headers, connect params) before mounting.</summary>
    /// <example><code>
    /// var browser = LiveTest.Browser(app).WithUser(new Claim(ClaimTypes.Role, "admin"));
    /// await using var view = await browser.MountAsync&lt;AdminLive&gt;("/admin");
    /// </code></example>
    public static LiveBrowser Browser(IHost app) => LiveBrowser.For(app);

    /// <summary>
    /// Mounts <typeparamref name="TView"/> without the app's routes (Phoenix's <c>live_isolated</c>,
    /// bUnit's <c>Render&lt;T&gt;</c>): in a minimal app of its own with <c>AddRekindle()</c> and
    /// <paramref name="services"/>, on a temporary data folder; disposing the view stops that app.
    /// </summary>
    /// <param name="query">The page's query string (<c>?tab=2</c>), read as route parameters by the view.</param>
    /// <param name="services">The services the view needs (registered after <c>AddRekindle()</c>, so they may replace its own).</param>
    /// <param name="cancellationToken">Cancels the start, the GET and the join.</param>
    /// <example><code>
    /// await using var view = await LiveTest.MountIsolatedAsync&lt;ClockLive&gt;(services: s => s.AddSingleton(TimeProvider.System));
    /// </code></example>
    public static Task<LiveViewTest> MountIsolatedAsync<TView>(string query = "", Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default)
        where TView : LiveView
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > 0 && query[0] != '?')
        {
            throw new ArgumentException($"Expected a query string starting with '?'; got '{query}'.", nameof(query));
        }
        return IsolatedHost.MountAsync<TView>(query, services, cancellationToken);
    }

    /// <summary>
    /// Mounts a <see cref="LiveComponent"/> alone with <paramref name="assigns"/> (its <c>MountAsync</c>,
    /// then <c>UpdateAsync(assigns)</c>), on a page of its own in a minimal app with <paramref name="services"/>.
    /// </summary>
    /// <example><code>
    /// await using var picker = await LiveTest.MountComponentAsync&lt;PickerComponent&gt;(new { Title = "Colors" });
    /// await picker.Element("#pick-red").ClickAsync();
    /// Assert.Equal("red", picker.Element("#picks").Text);
    /// </code></example>
    public static async Task<LiveComponentTest> MountComponentAsync<TComponent>(object? assigns = null, Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default)
        where TComponent : LiveComponent
    {
        var component = new IsolatedComponent(typeof(TComponent), assigns);
        var view = await IsolatedHost.MountAsync<IsolatedComponentLive>("", collection =>
        {
            collection.AddSingleton(component);
            services?.Invoke(collection);
        }, cancellationToken);
        return new LiveComponentTest(view, component);
    }

    internal static Type? ViewTypeOf(IServiceProvider services, DeadPage page) =>
        services.GetRequiredService<SessionTokens>().TryReadSession(page.Session, out var token)
            ? services.GetRequiredService<LiveRouteTable>().Find(token.Route)?.ViewType
            : null;

    /// <summary>The view a live navigation from <paramref name="page"/> to <paramref name="path"/> joins, or <see langword="null"/> when the path leaves the page's route group.</summary>
    internal static Type? ViewTypeInRouteGroup(IServiceProvider services, DeadPage page, string path) =>
        services.GetRequiredService<SessionTokens>().TryReadSession(page.Session, out var token)
            ? services.GetRequiredService<LiveRouteTable>().Match(path, token.LiveSession)?.Route.ViewType
            : null;
}
