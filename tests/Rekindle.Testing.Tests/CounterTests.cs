using Ballots.Counter;

namespace Rekindle.Testing.Tests;

/// <summary>The sample's /counter through <see cref="LiveTest"/>: clicks and the rendered count.</summary>
public sealed class CounterTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task Mount_FreshCounter_ShowsZeroAndTitle()
    {
        await using var view = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");

        Assert.Equal("0", view.Element("#count").Text);
        Assert.Equal("Counter", view.PageTitle);
    }

    [Fact]
    public async Task Click_IncTwiceDecOnce_CountIsOne()
    {
        await using var view = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");

        await view.Element("#inc").ClickAsync();
        await view.Element("#inc").ClickAsync();
        var html = await view.Element("#dec").ClickAsync();

        Assert.Contains("<span id=\"count\">1</span>", html);
        Assert.Equal("1", view.Element("#count").Text);
    }

    [Fact]
    public async Task Click_TwoPages_CountSeparately()
    {
        await using var first = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");
        await using var second = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");

        await first.Element("#inc").ClickAsync();

        Assert.Equal("1", first.Element("#count").Text);
        Assert.Equal("0", second.Element("#count").Text);
    }
}
