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

    /// <summary>A hook element the server patches twice (and once leaves alone), then removes (docs/protocol.md §7.7).</summary>
    [Fact]
    public async Task LifecycleHook_PatchedThenRemoved_BeforeUpdateAndUpdatedOncePerPatchThenDestroyed()
    {
        await GotoLiveAsync("/test/hook-lifecycle");
        Assert.Equal(["mounted count=0"], await LifecycleLogAsync());

        // A patch that does not touch the hook element calls none of its callbacks.
        await Page.ClickAsync("#other");
        await Assertions.Expect(Page.Locator("#other-count")).ToHaveTextAsync("1");
        Assert.Equal(["mounted count=0"], await LifecycleLogAsync());

        await Page.ClickAsync("#bump");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#bump");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("2");
        await Page.ClickAsync("#remove");
        await Assertions.Expect(Page.Locator("#lifecycle")).ToHaveCountAsync(0);

        // beforeUpdate sees the element before the patch, updated after it; destroyed comes once the element is gone.
        Assert.Equal(
            ["mounted count=0", "beforeUpdate count=0", "updated count=1", "beforeUpdate count=1", "updated count=2", "destroyed count=gone"],
            await LifecycleLogAsync());
    }

    /// <summary>
    /// A server PushEvent in the reply that also patches the hook's element. The client dispatches a
    /// diff's events after its DOM patch (View.update: performPatch, then dispatchEvents; only events
    /// flagged to go before the patch are dispatched earlier), so both listeners see the patched DOM.
    /// </summary>
    [Fact]
    public async Task PushEvent_WithAPatch_ReachesHandleEventAndWindowListenerAfterThePatch()
    {
        await GotoLiveAsync("/test/hook-lifecycle");

        await Page.ClickAsync("#bump");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("1");

        var log = await EventLogAsync();
        Output.WriteLine("log after the bump: " + string.Join(", ", log));
        var updated = log.IndexOf("updated count=1");
        var byHook = log.IndexOf("hook event 1 count=1");
        var byWindow = log.IndexOf("window event 1 count=1");
        Assert.True(updated >= 0 && byHook > updated && byWindow > updated,
            $"expected the hook's updated, then both listeners seeing the patched count; saw {string.Join(", ", log)}");
        Assert.Single(log, entry => entry.StartsWith("hook event", StringComparison.Ordinal));
        Assert.Single(log, entry => entry.StartsWith("window event", StringComparison.Ordinal));

        // Once the hook is destroyed the client drops its handleEvent listeners; window listeners stay.
        await Page.ClickAsync("#remove");
        await Assertions.Expect(Page.Locator("#lifecycle")).ToHaveCountAsync(0);
        await Page.ClickAsync("#push-only");
        await Page.WaitForFunctionAsync("() => window.lifecycleLog.includes('window event 1 count=gone')");
        Assert.Single(await EventLogAsync(), entry => entry.StartsWith("hook event", StringComparison.Ordinal));
    }

    private async Task<List<string>> EventLogAsync() => [.. await Page.EvaluateAsync<string[]>("() => window.lifecycleLog")];

    private async Task<List<string>> LifecycleLogAsync() => [.. (await EventLogAsync()).Where(entry => !entry.Contains(" event ", StringComparison.Ordinal))];
}
