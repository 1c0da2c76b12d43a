using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting.Server;
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
    /// GETs <paramref name="path"/> (a fresh browser: no cookies yet), checks that it renders
    /// <typeparamref name="TView"/>, and joins it over the in-memory socket.
    /// </summary>
    /// <param name="app">A started application built with <c>builder.WebHost.UseTestServer()</c>.</param>
    /// <param name="path">The page's path and query, e.g. <c>/elections/3?tab=results</c>.</param>
    /// <param name="cancellationToken">Cancels the GET and the join.</param>
    /// <exception cref="LiveViewTestException">The page is not a live view of that type, or the join was refused.</exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static Task<LiveViewTest> MountAsync<TView>(IHost app, string path, CancellationToken cancellationToken = default)
        where TView : LiveView
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<IServer>() as TestServer
            ?? throw new InvalidOperationException("LiveTest needs the application to run on the in-memory TestServer: call builder.WebHost.UseTestServer() before Build(), then StartAsync().");
        return MountAsync<TView>(server, path, cancellationToken);
    }

    /// <inheritdoc cref="MountAsync{TView}(IHost, string, CancellationToken)"/>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static async Task<LiveViewTest> MountAsync<TView>(TestServer server, string path, CancellationToken cancellationToken = default)
        where TView : LiveView
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return await MountAsync<TView>(new TestBrowser(server), path, cancellationToken);
    }

    internal static async Task<LiveViewTest> MountAsync<TView>(TestBrowser browser, string path, CancellationToken cancellationToken)
        where TView : LiveView
    {
        var page = await browser.GetPageAsync(path, cancellationToken);
        var viewType = ViewTypeOf(browser.Server.Services, page);
        if (viewType != typeof(TView))
        {
            throw new LiveViewTestException($"GET {path} renders {viewType?.Name ?? "an unknown view"}; expected {typeof(TView).Name}.");
        }
        return await LiveViewTest.JoinAsync(browser, page, cancellationToken);
    }

    private static Type? ViewTypeOf(IServiceProvider services, DeadPage page) =>
        services.GetRequiredService<SessionTokens>().TryReadSession(page.Session, out var token)
            ? services.GetRequiredService<LiveRouteTable>().Find(token.Route)?.ViewType
            : null;
}
