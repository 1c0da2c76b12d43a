using Microsoft.Extensions.DependencyInjection;
using Rekindle.TestApp;
using Rekindle.TestApp.Kit;

namespace Rekindle.Testing.Tests;

/// <summary>Components and views without a route, mounted alone in an app of their own (<c>live_isolated</c>, bUnit's <c>Render&lt;T&gt;</c>).</summary>
public sealed class IsolationTests
{
    [Fact]
    public async Task MountComponentAsync_Assigns_RenderEventsAndUpdates()
    {
        await using var badge = await LiveTest.MountComponentAsync<BadgeComponent>(new { Name = "Ada" });
        Assert.Equal("Ada", badge.Element("#badge-name").Text);
        Assert.Equal("1", badge.Element("#badge-updates").Text);

        await badge.Element("#badge-shout").ClickAsync();
        Assert.Equal("ADA", badge.Element("#badge-name").Text);
        await badge.UpdateAsync(new { Name = "Grace" });

        Assert.Equal("GRACE", badge.Element("#badge-name").Text);
        Assert.Equal("2", badge.Element("#badge-updates").Text);
        Assert.Equal("badge", badge.View.Element("[data-phx-component]").GetAttribute("id"));
        Assert.StartsWith("<span", badge.RenderedHtml);
    }

    [Fact]
    public async Task MountComponentAsync_EventByName_ReachesTheComponent()
    {
        await using var badge = await LiveTest.MountComponentAsync<BadgeComponent>(new { Name = "Ada" });

        await badge.PushEventAsync("shout");

        Assert.Equal("ADA", badge.Element("#badge-name").Text);
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => badge.PushEventAsync("nope"));
        Assert.StartsWith("The server answered click event 'nope'", error.Message);
    }

    [Fact]
    public async Task MountComponentAsync_RecoverableComponent_ComesBackAfterAReconnect()
    {
        await using var picker = await LiveTest.MountComponentAsync<PickerComponent>();
        await picker.Element("#pick-red").ClickAsync();

        await picker.View.ReconnectAsync();

        Assert.Equal("red", picker.Element("#picks").Text);
    }

    [Fact]
    public async Task MountIsolatedAsync_ViewWithoutRoute_GetsItsServicesAndQuery()
    {
        await using var view = await LiveTest.MountIsolatedAsync<UnroutedLive>("?name=Lin", services => services.AddSingleton<IGreeting>(new Hi()));

        Assert.Equal("Hi Lin", view.Element("#hello").Text);
    }

    [Fact]
    public async Task MountIsolatedAsync_MissingService_SaysWhichOne()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LiveTest.MountIsolatedAsync<UnroutedLive>());

        Assert.Contains("IGreeting", error.Message);
    }

    [Fact]
    public async Task MountIsolatedAsync_MountThrows_TheExceptionReachesTheTest()
    {
        // The app's error page (Rekindle:MountErrorPage) is off in isolated hosts, so the test sees the view's own exception.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LiveTest.MountIsolatedAsync<MountCrashLive>());

        Assert.Equal(MountCrashLive.Message, error.Message);
    }

    private sealed class Hi : IGreeting
    {
        public string Greet(string user) => $"Hi {user}";
    }
}
