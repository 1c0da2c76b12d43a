using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.TestApp;
using Rekindle.TestApp.Kit;

namespace Rekindle.Testing.Tests;

/// <summary>
/// Who is browsing (<see cref="LiveBrowser"/>): a user with claims, connect params and <c>_mounts</c>,
/// on-mount hooks that let a user in or redirect, and per-test service overrides with a real
/// cookie sign-in and request headers.
/// </summary>
public sealed class BrowserIdentityTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Visitor = "/test/kit/visitor";

    [Fact]
    public async Task WithUser_Claims_TheConnectedMountSeesTheUserAndRole()
    {
        var browser = LiveTest.Browser(host.App).WithUser(new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.Role, "admin"));

        await using var view = await browser.MountAsync<VisitorLive>(Visitor);

        Assert.Equal("Hello ada", view.Element("#greeting").Text);
        Assert.Equal("admin", view.Element("#admin").Text);
    }

    [Fact]
    public async Task MountAsync_NoUser_IsAnonymous()
    {
        await using var view = await LiveTest.MountAsync<VisitorLive>(host.App, Visitor);

        Assert.Equal("Hello anonymous", view.Element("#greeting").Text);
        Assert.Equal("not admin", view.Element("#admin").Text);
    }

    [Fact]
    public async Task WithUser_Admin_PassesTheRouteGroupsOnMountHooks()
    {
        var browser = LiveTest.Browser(host.App).WithUser(new Claim(ClaimTypes.Name, "grace"), new Claim(ClaimTypes.Role, "admin"));

        await using var view = await browser.MountAsync<GuardedLive>("/test/guarded");

        Assert.Equal("Welcome grace", view.Element("#welcome").Text);
        Assert.Equal("lambda hook", view.Element("#checked-by").Text);
    }

    [Fact]
    public async Task TryMountAsync_NotAdmin_ReturnsTheHooksRedirectAndItsFlash()
    {
        var browser = LiveTest.Browser(host.App).WithUser(new Claim(ClaimTypes.Name, "eve"), new Claim(ClaimTypes.Role, "guest"));

        var mount = await browser.TryMountAsync<GuardedLive>("/test/guarded");

        Assert.Null(mount.View);
        Assert.Equal(new LiveNavigation(LiveNavigationKind.Redirect, "/test/flash", false) { Flash = new Dictionary<string, string> { ["error"] = "Admins only." } }, mount.Redirect);
        await using var flash = await browser.MountAsync<FlashLive>(mount.Redirect!.To);
        Assert.Contains("Admins only.", flash.RenderedHtml);
    }

    [Fact]
    public async Task MountAsync_NotAdmin_ThrowsNamingTheRedirect()
    {
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => LiveTest.MountAsync<GuardedLive>(host.App, "/test/guarded"));

        Assert.Equal("Mounting /test/guarded navigated away (Redirect to /test/flash); use TryMountAsync to assert on the redirect.", error.Message);
    }

    [Fact]
    public async Task WithConnectParam_ValueAndMounts_CountRealRejoins()
    {
        var browser = LiveTest.Browser(host.App).WithConnectParam("tz", "Europe/Paris");
        await using var view = await browser.MountAsync<VisitorLive>(Visitor);
        Assert.Equal("Europe/Paris", view.Element("#tz").Text);
        Assert.Equal("0", view.Element("#mounts").Text);

        await view.ReconnectAsync();
        await view.ReconnectAsync();

        Assert.Equal("2", view.Element("#mounts").Text);
        Assert.Equal("Europe/Paris", view.Element("#tz").Text);
    }

    [Fact]
    public void WithConnectParam_ReservedName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LiveTest.Browser(host.App).WithConnectParam("_mounts", 3));

        Assert.StartsWith("Connect params starting with '_' are the client's own", error.Message);
    }

    [Fact]
    public async Task ServiceOverride_CookieSignInHeaderAndCookie_ReachTheConnectedMount()
    {
        await using var app = await OwnApp.StartAsync(OwnApp.NewDataPath(), builder =>
        {
            TestViews.Configure(builder);                                    // cookie authentication and /test/login
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<IGreeting>(new FrenchGreeting());  // the test's override
        });
        var browser = LiveTest.Browser(app.App).WithHeader("Accept-Language", "fr-FR").WithCookie("theme", "dark");
        using (var login = await browser.GetAsync("/test/login?role=admin"))
        {
            Assert.True(login.IsSuccessStatusCode);
        }
        Assert.NotNull(browser.GetCookie(".AspNetCore.Cookies"));

        await using var view = await browser.MountAsync<VisitorLive>(Visitor);

        Assert.Equal("Bonjour tester", view.Element("#greeting").Text);
        Assert.Equal("admin", view.Element("#admin").Text);
        Assert.Equal("fr-FR", view.Element("#language").Text);
        Assert.Equal("dark", view.Element("#theme").Text);
    }

    private sealed class FrenchGreeting : IGreeting
    {
        public string Greet(string user) => $"Bonjour {user}";
    }
}
