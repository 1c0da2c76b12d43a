using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The variants of Phoenix's form-recovery spec not covered elsewhere (custom and ignored recovery:
/// <see cref="SeedRecoveryTests"/>; component forms: SeedRecoveryTests and
/// <see cref="ComponentListRecoveryTests"/>; portals: <see cref="PortalTests"/>), against
/// RecoveryFormLive at /test/parity/recovery-form. The view keeps nothing across a rejoin, so a value
/// shown afterwards came back through the client's recovery event; <c>#received</c> echoes what that
/// event carried.
/// </summary>
public sealed class FormRecoveryVariantsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/recovery-form";

    private ILocator Received => Page.Locator("#received");

    /// <summary>The names the last change event carried, from the server's echo.</summary>
    private async Task<string[]> ReceivedNamesAsync() =>
        (await Received.TextContentAsync() ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')[0]).ToArray();

    private ConcurrentQueue<string> RecordSentFrames()
    {
        var sent = new ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => sent.Enqueue(frame.Text ?? "");
        return sent;
    }

    private async Task DropAndRejoinAsync()
    {
        await MarkPageAsync();
        await DropSocketAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
    }

    [Fact]
    public async Task FormRecovery_NestedNamesMultipleSelectCheckboxGroupAndFormAttributeInputs_AllComeBackWithoutReload()
    {
        await GotoLiveAsync(Path);
        await Page.FillAsync("input[name=b]", "test");
        await Page.FillAsync("input[name=e]", "inside");
        await Page.FillAsync("input[name=f]", "outside");
        await Page.FillAsync("input[name='user[name]']", "Ada");
        await Page.FillAsync("input[name='user[address][city]']", "London");
        await Page.SelectOptionAsync("select[name='tags[]']", ["red", "blue"]);
        await Page.CheckAsync("input[name='colors[]'][value=green]");
        await Page.CheckAsync("input[name='colors[]'][value=blue]");
        await Page.FillAsync("input[name=c]", "hello world");
        await Page.SelectOptionAsync("select[name=d]", "bar");
        await Assertions.Expect(Received).ToContainTextAsync("d=bar");

        await DropAndRejoinAsync();

        await Assertions.Expect(Received).ToHaveTextAsync(new Regex("f=outside"));
        var echo = await Received.TextContentAsync() ?? "";
        foreach (var pair in new[] { "a=foo", "b=test", "c=hello world", "d=bar", "e=inside", "f=outside", "user[name]=Ada", "user[address][city]=London", "tags[]=red,blue", "colors[]=green,blue" })
        {
            Assert.Contains(pair, echo.Split('&'));
        }
        await Assertions.Expect(Page.Locator("input[name=b]")).ToHaveValueAsync("test");
        await Assertions.Expect(Page.Locator("input[name=f]")).ToHaveValueAsync("outside");
        await Assertions.Expect(Page.Locator("input[name='user[address][city]']")).ToHaveValueAsync("London");
        await Assertions.Expect(Page.Locator("select[name=d]")).ToHaveValueAsync("bar");
        await Assertions.Expect(Page.Locator("select[name='tags[]']")).ToHaveValuesAsync(["red", "blue"]);
        await Assertions.Expect(Page.Locator("input[name='colors[]'][value=green]")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("input[name='colors[]'][value=red]")).Not.ToBeCheckedAsync();
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData("no-id")]
    [InlineData("no-change-event")]
    public async Task FormRecovery_FormWithoutIdOrPhxChange_IsNotRecovered(string variant)
    {
        var sent = RecordSentFrames();
        await GotoLiveAsync($"{Path}?{variant}");
        await Page.FillAsync("input[name=b]", "test");
        await Page.Locator("input[name=b]").BlurAsync();
        if (variant == "no-id")
        {
            await Assertions.Expect(Received).ToContainTextAsync("b=test");
        }
        sent.Clear();

        await DropAndRejoinAsync();

        // The rejoin renders the fresh mount's value: the client sent no recovery event to change it.
        await Assertions.Expect(Page.Locator("input[name=b]")).ToHaveValueAsync("bar");
        await Assertions.Expect(Received).ToHaveTextAsync("");
        Assert.DoesNotContain(sent, frame => frame.Contains("\"event\"", StringComparison.Ordinal));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task FormRecovery_PhxChangeIsAJsPush_RecoversTheFormThroughThePushedEvent()
    {
        await GotoLiveAsync($"{Path}?js-change");
        await Assertions.Expect(Page.Locator("form")).ToHaveAttributeAsync("phx-change", new Regex("push"));
        await Page.FillAsync("input[name=b]", "test");
        await Page.Locator("input[name=b]").BlurAsync();
        await Assertions.Expect(Received).ToContainTextAsync("b=test");

        await DropAndRejoinAsync();

        await Assertions.Expect(Received).ToContainTextAsync("b=test");
        await Assertions.Expect(Page.Locator("input[name=b]")).ToHaveValueAsync("test");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task FormRecovery_FieldsInADisabledFieldset_AreLeftOutOfTheRecoveryEvent()
    {
        await GotoLiveAsync($"{Path}?disabled-fieldset");
        await Page.FillAsync("input[name=c]", "hello world");
        await Page.SelectOptionAsync("select[name=d]", "bar");
        await Assertions.Expect(Received).ToContainTextAsync("d=bar");

        await DropAndRejoinAsync();

        await Assertions.Expect(Page.Locator("input[name=c]")).ToHaveValueAsync("hello world");
        await Assertions.Expect(Page.Locator("select[name=d]")).ToHaveValueAsync("bar");
        var names = await ReceivedNamesAsync();
        Assert.Contains("c", names);
        Assert.Contains("f", names);
        Assert.DoesNotContain("a", names);
        Assert.DoesNotContain("b", names);
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("live-component&")]
    public async Task FormRecovery_AutoRecoverEvent_GetsTheFormAndItsAnswerIsShown(string component)
    {
        var sent = RecordSentFrames();
        await GotoLiveAsync($"{Path}?{component}phx-auto-recover=custom_recovery");
        await Page.FillAsync("input[name=b]", "test");
        await Page.Locator("input[name=b]").BlurAsync();
        sent.Clear();

        await DropAndRejoinAsync();

        await Assertions.Expect(Page.Locator("input[name=b]")).ToHaveValueAsync("custom value from server");
        Assert.Contains(sent, frame => frame.Contains("\"custom_recovery\"", StringComparison.Ordinal) && frame.Contains("b=test", StringComparison.Ordinal));
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("live-component&")]
    public async Task FormRecovery_RecoverHandlerThatPatches_TheClientFollowsThePatchWithoutReload(string component)
    {
        await GotoLiveAsync($"{Path}?{component}phx-auto-recover=patch_recovery");

        await DropAndRejoinAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"patched=true$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await AssertNotReloadedAsync();
    }
}
