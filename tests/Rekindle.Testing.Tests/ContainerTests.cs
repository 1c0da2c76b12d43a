using Rekindle.TestApp.Containers;

namespace Rekindle.Testing.Tests;

/// <summary>Issue 20 item 4, in-process: nested views in containers their type declares or LiveRender gives are found, clicked and recovered.</summary>
public sealed class ContainerTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task FindChildAsync_RowsInTrContainers_AreJoinedAndKeepTheirCountsThroughReconnect()
    {
        await using var view = await LiveTest.MountAsync<ContainerTableLive>(host.App, "/test/containers");
        var first = await view.FindChildAsync("row-1");
        var second = await view.FindChildAsync("row-2");

        await first.Element("#first-inc").ClickAsync();
        await second.Element("#second-inc").ClickAsync();
        await second.Element("#second-inc").ClickAsync();
        await view.ReconnectAsync();

        Assert.Equal("1", first.Element("#first-count").Text);
        Assert.Equal("2", second.Element("#second-count").Text);
        Assert.Equal("row special", view.Element("#row-2").GetAttribute("class"));
        Assert.StartsWith("<tr id=\"row-1\"", view.Element("#row-1").OuterHtml);
    }
}
