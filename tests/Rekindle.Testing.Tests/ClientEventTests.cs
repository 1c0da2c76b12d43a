using Ballots.Counter;
using Rekindle.TestApp.Kit;

namespace Rekindle.Testing.Tests;

/// <summary>Every event the client sends, as the client builds it: keys, focus, clicks with values, submitters, trigger action, JS navigation, events by name to a component.</summary>
public sealed class ClientEventTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Events = "/test/kit/events";

    [Fact]
    public async Task KeyUpAsync_Input_SendsTheKeyAndTheInputsValues()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#typing").KeyUpAsync("a");

        Assert.Equal("keyup:typed:key=a,value=abc,field=typing", view.Element("#last").Text);
    }

    [Fact]
    public async Task KeyDownAsync_PhxKey_SendsOnlyThatKeyCaseInsensitively()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#enter-only").KeyDownAsync("a");
        Assert.Equal("", view.Element("#last").Text);
        await view.Element("#enter-only").KeyDownAsync("enter");

        Assert.Equal("keydown:enter:key=enter", view.Element("#last").Text);
    }

    [Fact]
    public async Task KeyDownAsync_WindowBinding_IsSent()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#escape").KeyDownAsync("Escape");

        Assert.Equal("keydown:escape:key=Escape", view.Element("#last").Text);
    }

    [Fact]
    public async Task FocusAndBlur_SendTheirBindings()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#focus-me").FocusAsync();
        Assert.Equal("focus:focused:value=", view.Element("#last").Text);
        await view.Element("#focus-me").BlurAsync();

        Assert.Equal("blur:blurred:value=", view.Element("#last").Text);
    }

    [Fact]
    public async Task ClickAsync_ExtraValues_AreLaidOverTheElementsValues()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#give").ClickAsync(new { item = "pear", extra = 2 });

        Assert.Equal("click:give:value=,item=pear,extra=2", view.Element("#last").Text);
    }

    [Theory]
    [InlineData("#disabled")]
    [InlineData("#in-disabled-fieldset")]
    public async Task ClickAsync_DisabledButton_IsRefusedAndSendsNothing(string selector)
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Element(selector).ClickAsync());

        Assert.StartsWith($"'{selector}' is disabled: a browser sends no click from it.", error.Message);
        Assert.Equal("", view.Element("#last").Text);
    }

    [Fact]
    public async Task ClickAsync_SubmitButton_SubmitsWithTheSubmittersNameAndValue()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#save-publish").ClickAsync();
        Assert.Equal("form:publish:title=Hello&intent=publish", view.Element("#last").Text);
        await view.Form("#publish").SubmitAsync(("title", "Plain"));

        Assert.Equal("form:publish:title=Plain", view.Element("#last").Text);
    }

    [Fact]
    public async Task FollowTriggerActionAsync_AfterTheSubmitSetsIt_PostsTheFormOverHttp()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);
        await Assert.ThrowsAsync<LiveViewTestException>(() => view.Form("#login").FollowTriggerActionAsync());

        await view.Form("#login").SubmitAsync(("user", "grace"));
        using var response = await view.Form("#login").FollowTriggerActionAsync();

        Assert.Equal("user=ada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClickAsync_JsPatch_PatchesTheUrlAndRunsHandleParams()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#js-patch").ClickAsync();

        view.AssertPatched("/test/kit/events?tab=2");
        Assert.Equal("2", view.Element("#tab").Text);
    }

    [Fact]
    public async Task ClickAsync_JsNavigate_NavigatesAndCanBeFollowed()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Element("#js-navigate").ClickAsync();

        view.AssertRedirected("/counter");
        await using var counter = await view.FollowRedirectAsync<CounterLive>();
        Assert.Equal("0", counter.Element("#count").Text);
    }

    [Fact]
    public async Task Target_PushHookEventToComponent_ReturnsTheComponentsReply()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        var reply = await view.Target("#tally").PushHookEventAsync("add", new { by = "5" });

        Assert.Equal(5, reply!.Value.GetProperty("total").GetInt32());
        Assert.Equal("5", view.Element("#tally-total").Text);
    }

    [Fact]
    public async Task Target_EventByNameToComponent_ReachesItAndTheViewGetsNothing()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        await view.Target("#tally-add").PushEventAsync("add", new { by = "2" });
        await view.Element("#tally-add").ClickAsync();

        Assert.Equal("3", view.Element("#tally-total").Text);
        Assert.Equal("", view.Element("#last").Text);
    }

    [Fact]
    public async Task PushEventAsync_ByNameToTheView_IsAClick()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        var reply = await view.PushEventAsync("give", new { item = "fig" });

        Assert.Null(reply);
        Assert.Equal("click:give:item=fig", view.Element("#last").Text);
    }

    [Fact]
    public async Task Target_MatchesNothing_ThrowsAsTheClientWouldSendNothing()
    {
        await using var view = await LiveTest.MountAsync<EventsLive>(host.App, Events);

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Target("#nowhere").PushEventAsync("add"));

        Assert.Equal("phx-target=\"#nowhere\" of the test's target '#nowhere' matches nothing; the client would send nothing.", error.Message);
    }
}
