namespace Rekindle.Browser.Tests;

/// <summary>Portals with the stock client: content moved under <c>body</c>, its events and forms still reaching their view or component.</summary>
public sealed class PortalTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task PortalContent_IsShownOutsideTheClippingParent_AndItsClickReachesTheView()
    {
        await GotoLiveAsync("/test/portal");
        var dialog = Page.Locator("#portal-dialog");

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.True(await dialog.EvaluateAsync<bool>("el => el.parentElement === document.body && !document.getElementById('clip').contains(el)"));
        await Page.ClickAsync("#portal-inc");

        await Assertions.Expect(Page.Locator("#view-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#portal-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task AComponentsPortal_SendsItsEventsToTheComponent()
    {
        await GotoLiveAsync("/test/portal");
        var note = Page.Locator("#portal-note");
        await Assertions.Expect(note).ToBeVisibleAsync();
        Assert.True(await note.EvaluateAsync<bool>("el => el.parentElement === document.body"));

        await Page.ClickAsync("#note-like");
        await Page.ClickAsync("#note-like");

        await Assertions.Expect(Page.Locator("#note-likes")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#view-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task AFormInAPortal_IsRecoveredAfterADroppedSocket_WithoutAReload()
    {
        await GotoLiveAsync("/test/portal");
        await Page.FillAsync("#portal-title", "online");
        await Assertions.Expect(Page.Locator("#portal-echo")).ToHaveTextAsync("online");
        await MarkPageAsync();

        await DropSocketAsync(() => Page.FillAsync("#portal-title", "typed offline"));

        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#portal-echo")).ToHaveTextAsync("typed offline");
        await Assertions.Expect(Page.Locator("#portal-title")).ToHaveValueAsync("typed offline");
        await AssertNotReloadedAsync();
    }
}
