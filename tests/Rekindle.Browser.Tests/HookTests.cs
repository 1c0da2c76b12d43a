namespace Rekindle.Browser.Tests;

public sealed class HookTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string PushEventTo = """
        (target) => new Promise((resolve) => {
          const el = document.querySelector('#state-recovery');
          const hook = liveSocket.main.getHook(el);
          hook.pushEventTo(target, 'peek', {}, (reply) => resolve(JSON.stringify(reply)));
        })
        """;

    [Fact]
    public async Task PushEventTo_SelectorOrCid_ReachesTheComponentAndResolvesWithItsReply()
    {
        await GotoLiveAsync("/seed");
        await Page.ClickAsync("#lunch-Sushi");
        await Assertions.Expect(Page.Locator("#selected-lunch")).ToHaveTextAsync("Sushi");

        var bySelector = await Page.EvaluateAsync<string>(PushEventTo, "#ballot-box-lunch");
        var cid = int.Parse(await Page.Locator("#ballot-box-color").GetAttributeAsync("data-phx-component") ?? "0");
        var byCid = await Page.EvaluateAsync<string>(PushEventTo, cid);

        Assert.Equal("""{"ballot":"lunch","selected":"Sushi","submitted":null}""", bySelector);
        Assert.Equal("""{"ballot":"color","selected":"","submitted":null}""", byCid);
    }
}
