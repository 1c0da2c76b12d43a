using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 20 item 4: containers declared by a view type ([Container]) and given to LiveRender, on
/// /test/containers: a routed view in a <c>main</c>, nested views as table rows that keep their element
/// through the parent's renders and get their count back after a dropped socket.
/// </summary>
public sealed class ContainerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task DeadRender_DeclaredAndGivenContainers_WrapTheViews()
    {
        var dead = await (await Page.APIRequest.GetAsync(Fixture.Url("/test/containers").ToString())).TextAsync();

        Assert.Matches("<main id=\"[A-Za-z0-9]{8}\" data-phx-main data-phx-session=\"[^\"]+\" data-phx-static=\"[^\"]+\" class=\"table-page\">", dead);
        Assert.Matches("<tr id=\"row-1\" data-phx-session=\"\" data-phx-static=\"[^\"]+\" data-phx-parent-id=\"[A-Za-z0-9]{8}\" class=\"row\"><td>first</td>", dead);
        Assert.Matches("<tr id=\"row-2\" data-phx-session=\"\" data-phx-static=\"[^\"]+\" data-phx-parent-id=\"[A-Za-z0-9]{8}\" class=\"row special\" data-kind=\"given\"><td>second</td>", dead);
    }

    [Fact]
    public async Task NestedRows_ParentRendersAndASocketDrop_KeepTheirElementsAndCounts()
    {
        await GotoLiveAsync("/test/containers");
        await Assertions.Expect(Page.Locator("main.table-page[data-phx-main]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#rows > tr#row-1.row")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#rows > tr#row-2.row.special")).ToHaveClassAsync(Connected);
        await Page.ClickAsync("#first-inc");
        await Assertions.Expect(Page.Locator("#first-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#first-inc");
        await Assertions.Expect(Page.Locator("#first-count")).ToHaveTextAsync("2");
        await Page.ClickAsync("#second-inc");
        await Assertions.Expect(Page.Locator("#second-count")).ToHaveTextAsync("1");
        await Page.EvaluateAsync("() => { document.getElementById('row-1').__tag = 'kept'; }");
        await MarkPageAsync();

        // The parent's render repeats the same containers, so the client keeps the joined rows.
        await Page.ClickAsync("#parent-inc");
        await Assertions.Expect(Page.Locator("#parent-renders")).ToHaveTextAsync("1");
        Assert.Equal("kept", await Page.EvaluateAsync<string>("() => document.getElementById('row-1').__tag"));
        await Page.ClickAsync("#first-inc");
        await Assertions.Expect(Page.Locator("#first-count")).ToHaveTextAsync("3");

        await DropSocketAsync(() => Page.EvaluateAsync("() => { document.querySelector('#first-count').textContent = 'stale'; }"));

        await Assertions.Expect(Page.Locator("#row-1")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#first-count")).ToHaveTextAsync("3");
        await Assertions.Expect(Page.Locator("#second-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#rows > tr.row")).ToHaveCountAsync(2);
        await AssertNotReloadedAsync();
    }
}
