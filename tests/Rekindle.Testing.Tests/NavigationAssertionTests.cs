using Rekindle.TestApp;
using Rekindle.TestApp.Kit;

namespace Rekindle.Testing.Tests;

/// <summary>Flash across redirects, patching the URL, Refute* forms, waits, text filters, all matches, markup equivalence, and the page dump.</summary>
public sealed class NavigationAssertionTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task FollowRedirectAsync_LiveRedirectWithFlash_JoinsTheTargetShowingTheFlash()
    {
        await using var view = await LiveTest.MountAsync<FlashLive>(host.App, "/test/flash");

        await view.Element("#navigate").ClickAsync();

        var navigation = view.AssertRedirected("/test/flash/target");
        Assert.Equal(LiveNavigationKind.LiveRedirect, navigation.Kind);
        Assert.Equal("Carried across a live navigation.", navigation.Flash["info"]);
        await using var target = await view.FollowRedirectAsync<FlashTargetLive>();
        Assert.Equal("Target", target.Element("#target").Text);
        Assert.Contains("Carried across a live navigation.", target.RenderedHtml);
    }

    [Fact]
    public async Task FollowRedirectAsync_RedirectWithFlash_LoadsTheTargetWithTheFlashCookie()
    {
        await using var view = await LiveTest.MountAsync<FlashLive>(host.App, "/test/flash");

        await view.Element("#redirect").ClickAsync();

        Assert.Equal("Carried across a redirect.", view.AssertRedirected("/test/flash/target").Flash["info"]);
        await using var target = await view.FollowRedirectAsync<FlashTargetLive>();
        Assert.Contains("Carried across a redirect.", target.RenderedHtml);
        Assert.Null(target.Browser.GetCookie("__phoenix_flash__"));
    }

    [Fact]
    public async Task PatchAsync_Path_RunsHandleParamsAndIsAssertedAsAPatch()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.PatchAsync("/test/pages/5");

        view.AssertPatched("/test/pages/5");
        Assert.Equal("5", view.Element("#page").Text);
        view.RefuteRedirected();
    }

    [Fact]
    public async Task RefuteRedirected_AfterARedirect_Throws()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");
        view.RefuteRedirected();

        await view.Element("#leave").ClickAsync();

        view.RefuteRedirected("/elsewhere");
        var error = Assert.Throws<LiveViewTestException>(() => view.RefuteRedirected());
        Assert.Equal("Expected no redirect; got Redirect to /seed.", error.Message);
    }

    [Fact]
    public async Task Element_TextFilter_PicksTheMatchContainingTheText()
    {
        await using var view = await LiveTest.MountAsync<ListLive>(host.App, "/test/list");

        Assert.Equal("item-2", view.Element("li", text: "Eggs").GetAttribute("id"));
        view.AssertElement("#items li", "Milk");
        view.RefuteElement("li", "Bread");
        Assert.Throws<LiveViewTestException>(() => view.RefuteElement("li", "Milk"));
        var error = Assert.Throws<LiveViewTestException>(() => view.Element("li", text: "Bread").Text);
        Assert.StartsWith("No element of the view matches 'li' with text 'Bread'.", error.Message);
    }

    [Fact]
    public async Task Elements_ListsEveryMatchInOrder()
    {
        await using var view = await LiveTest.MountAsync<ListLive>(host.App, "/test/list");

        var items = view.Elements("#items li");

        Assert.Equal(["Milk", "Eggs"], items.Select(item => item.Text));
        Assert.Empty(view.Elements("#items li", text: "Bread"));
    }

    [Fact]
    public async Task WaitForElementAsync_DiffPushedLater_ReturnsTheElement()
    {
        await using var view = await LiveTest.MountAsync<LaterLive>(host.App, "/test/kit/later");
        await view.Element("#later").ClickAsync();
        view.RefuteElement("li.line");

        var line = await view.WaitForElementAsync("li.line", text: "arrived 1");

        Assert.Equal("arrived 1", line.Text);
    }

    [Fact]
    public async Task WaitForPushEventAsync_PushedLater_IsReturnedAndRefuteSeesIt()
    {
        await using var view = await LiveTest.MountAsync<LaterLive>(host.App, "/test/kit/later");
        await view.RefutePushEventAsync("arrived");

        await view.Element("#later").ClickAsync();
        var pushed = await view.WaitForPushEventAsync("arrived");

        Assert.Equal(1, pushed.Payload.GetProperty("count").GetInt32());
        await Assert.ThrowsAsync<LiveViewTestException>(() => view.RefutePushEventAsync("arrived", TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitForAssertionAsync_PassesOnceTheDiffArrives_AndReportsTheLastFailureOnTimeout()
    {
        await using var view = await LiveTest.MountAsync<LaterLive>(host.App, "/test/kit/later");
        await view.Element("#later").ClickAsync();

        await view.WaitForAssertionAsync(v => Assert.Equal("arrived 1", v.Element("li.line").Text));

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.WaitForAssertionAsync(v => Assert.Equal("never", v.Element("li.line").Text), TimeSpan.FromMilliseconds(50)));
        Assert.StartsWith("The assertion still failed: Assert.Equal() Failure", error.Message);
    }

    [Fact]
    public async Task AssertMarkupMatches_IgnoresAttributeOrderWhitespaceAndDataPhx()
    {
        await using var view = await LiveTest.MountAsync<LaterLive>(host.App, "/test/kit/later");

        view.AssertMarkupMatches("#summary", "<p class=\"sum total\" id=\"summary\">0 lines</p>");
        var error = Assert.Throws<LiveViewTestException>(() => view.AssertMarkupMatches("#summary", "<p id=\"summary\" class=\"sum total\">1 lines</p>"));
        Assert.Contains("Expected:\n<p class=\"sum total\" id=\"summary\">\n  1 lines\n", error.Message);
    }

    [Fact]
    public async Task DumpToFile_WritesThePageAsShownNow()
    {
        await using var view = await LiveTest.MountAsync<ListLive>(host.App, "/test/list");

        var path = view.DumpToFile();

        try
        {
            var html = await File.ReadAllTextAsync(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<li id=\"item-1\">Milk</li>", html);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
