using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Phoenix's end-to-end issue specs 4209 to 4368 against the IssuesC views under /test/parity/: a
/// component inside an element locked by a push to a slow nested view, updated only once the lock ends
/// (4209), a stream
/// events of the old view during a live navigation that waits on its phx-remove transition (4290), a
/// insert at an index moving a custom element atomically (4212), <c>phx-patch-focused</c> on focused
/// native inputs and form-associated custom elements (4323), a hook setting its element's id to the same
/// value (4325), a component root whose id changes (4334), a component subtree revived before the
/// client's <c>cids_destroyed</c> arrives (4350), a live navigation of a view while its
/// nested view joins (4359) and a custom upload writer failing one entry (4368). Any page error fails a test (BrowserTest).
/// </summary>
public sealed class UpstreamIssues4209To4368Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Issue4212_StreamInsertAtAnIndex_MovesTheCustomElementWithoutDisconnectingIt()
    {
        await GotoLiveAsync("/test/parity/issue-4212");
        Assert.True(await Page.EvaluateAsync<bool>("() => typeof Element.prototype.moveBefore === 'function'"));
        await Page.EvaluateAsync("() => { window.lvCustomElLog = []; }");

        await Page.Locator("#insert-at-1").ClickAsync();

        await Assertions.Expect(Page.Locator("#items lv-custom-el")).ToHaveTextAsync(["A", "NEW1", "B", "C"]);
        var log = await Page.EvaluateAsync<string[]>("() => window.lvCustomElLog.filter(e => e.id === 'el-new1').map(e => e.type)");
        Assert.Contains("connected", log);
        Assert.Contains("moved", log);
        Assert.DoesNotContain("disconnected", log);
    }

    [Fact]
    public async Task Issue4290_OldViewsFormChangedDuringTheNavigation_IsNotSentToTheNewView()
    {
        var newViewJoined = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            var text = frame.Text ?? "";
            sent.Enqueue(text);
            if (text.Contains("\"phx_join\"", StringComparison.Ordinal) && text.Contains("issue-4290/b", StringComparison.Ordinal))
            {
                // A join frame is [join_ref, ref, topic, "phx_join", payload]; the new view's frames carry its join_ref.
                newViewJoined.TrySetResult(System.Text.Json.JsonDocument.Parse(text).RootElement[0].GetString()!);
            }
        };
        await GotoLiveAsync("/test/parity/issue-4290/a");
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Navigate" }).ClickAsync();
        var newJoinRef = await newViewJoined.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // B joined, but A's phx-remove transition still holds the swap: the old form is on the page.
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("A");
        await Page.Locator("input[name=name]").FillAsync("hello");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("B");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#event-count")).ToHaveTextAsync("0");
        Assert.DoesNotContain(sent, frame => frame.StartsWith($"[\"{newJoinRef}\",", StringComparison.Ordinal) && frame.Contains("\"event\"", StringComparison.Ordinal));
        await AssertNotReloadedAsync();
    }

    private Task IncrementAsync() => Page.EvaluateAsync("() => liveSocket.js().push(liveSocket.main.el, 'increment')");

    [Theory]
    [InlineData("#face-default", "#face-default-child", "count:0")]
    [InlineData("#face-opt-in", "#face-opt-in-child", "count:1")]
    public async Task Issue4323_FocusedFormAssociatedCustomElement_IsPatchedOnlyWhenOptedIn(string control, string child, string expected)
    {
        await GotoLiveAsync("/test/parity/issue-4323");
        await Page.Locator(control).FocusAsync();
        await Assertions.Expect(Page.Locator(control)).ToBeFocusedAsync();

        await IncrementAsync();

        // The native opted-in input shows that the patch arrived before the focused control is judged.
        await Assertions.Expect(Page.Locator("#native-default")).ToHaveAttributeAsync("value", "1");
        await Assertions.Expect(Page.Locator(child)).ToHaveTextAsync(expected);
    }

    [Fact]
    public async Task Issue4323_OptedInElementDelegatingFocus_HasItsSlottedChildrenPatched()
    {
        await GotoLiveAsync("/test/parity/issue-4323");
        await Page.Locator("#face-delegates").ClickAsync();
        await Page.WaitForFunctionAsync("() => document.activeElement?.id === 'face-delegates'");

        await IncrementAsync();

        await Assertions.Expect(Page.Locator("#face-delegates-child")).ToHaveTextAsync("count:1");
    }

    [Theory]
    [InlineData("#native-default", "client")]
    [InlineData("#native-opt-in", "1")]
    public async Task Issue4323_FocusedNativeInput_KeepsTheUsersValueUnlessOptedIn(string input, string expected)
    {
        await GotoLiveAsync("/test/parity/issue-4323");
        await Page.Locator(input).FillAsync("client");
        await Assertions.Expect(Page.Locator(input)).ToBeFocusedAsync();

        await IncrementAsync();

        await Assertions.Expect(Page.Locator("#face-default-child")).ToHaveTextAsync("count:1");
        await Assertions.Expect(Page.Locator(input)).ToHaveValueAsync(expected);
    }

    [Fact]
    public async Task Issue4325_HookSettingItsIdToTheSameValue_KeepsTheElementAcrossPatches()
    {
        await GotoLiveAsync("/test/parity/issue-4325");
        var hooked = Page.Locator("#hooked");
        await Assertions.Expect(hooked).ToHaveTextAsync("count is 0");
        await Page.EvaluateAsync("() => { window.issue4325Element = document.getElementById('hooked'); }");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Increment" }).ClickAsync();

        await Assertions.Expect(hooked).ToHaveTextAsync("count is 1");
        await Page.WaitForFunctionAsync("() => window.issue4325Lifecycle.updated === 1");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.issue4325Element.isConnected"));
        var lifecycle = await Page.EvaluateAsync<int[]>("() => { const l = window.issue4325Lifecycle; return [l.mounted, l.updated, l.destroyed]; }");
        Assert.Equal(new[] { 1, 1, 0 }, lifecycle);
    }

    [Fact]
    public async Task Issue4334_ComponentRootIdChange_RemountsItsHookAndShowsTheNewChildren()
    {
        await GotoLiveAsync("/test/parity/issue-4334");
        await Page.WaitForFunctionAsync("() => window.issue4334Mounts.length === 1");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Change component root ID" }).ClickAsync();

        await Assertions.Expect(Page.GetByText("NEW CHILD SHOULD REMAIN VISIBLE")).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => window.issue4334Mounts.length === 2");
        Assert.Equal(new[] { "old-root", "new-root" }, await Page.EvaluateAsync<string[]>("() => window.issue4334Mounts"));
        await Assertions.Expect(Page.Locator("#old-root")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Issue4359_LiveNavigationWhileTheNestedViewJoins_EndsWithTheNestedViewConnected()
    {
        await Page.GotoAsync(Fixture.Url("/test/parity/issue-4359").ToString());

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/test/parity/issue-4359\?done=1$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#child")).ToHaveTextAsync("child");
        await Assertions.Expect(Page.Locator("#child")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
    }

    [Fact]
    public async Task Issue4350_ComponentShownAgainBeforeCidsDestroyedArrives_KeepsItsNestedComponentWired()
    {
        var destroyedSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseDestroyed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var destroyedHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? destroyedRef = null;
        await Page.RouteWebSocketAsync(new Regex("/live"), socket =>
        {
            var server = socket.ConnectToServer();
            socket.OnMessage(frame =>
            {
                var text = frame.Text ?? "";
                if (!text.Contains("cids_destroyed", StringComparison.Ordinal))
                {
                    server.Send(text);
                    return;
                }
                // A frame is [join_ref, ref, topic, event, payload]; hold it until the test lets it through.
                destroyedRef = System.Text.Json.JsonDocument.Parse(text).RootElement[1].GetString();
                destroyedSent.TrySetResult();
                _ = releaseDestroyed.Task.ContinueWith(_ => server.Send(text), TaskScheduler.Default);
            });
            server.OnMessage(frame =>
            {
                var text = frame.Text ?? "";
                if (destroyedRef is { } held && text.StartsWith('[') && System.Text.Json.JsonDocument.Parse(text).RootElement[1] is { ValueKind: System.Text.Json.JsonValueKind.String } reference
                    && reference.GetString() == held)
                {
                    destroyedHandled.TrySetResult();
                }
                socket.Send(text);
            });
        });
        await GotoLiveAsync("/test/parity/issue-4350");
        await MarkPageAsync();
        await Page.ClickAsync("#bump");
        await Assertions.Expect(Page.Locator("#leaf-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#tick");
        await Assertions.Expect(Page.Locator("#branch")).ToContainTextAsync("tick: 1");
        var leafCid = await Page.Locator("#leaf").GetAttributeAsync("data-phx-component");

        await Page.ClickAsync("#hide");
        await Assertions.Expect(Page.Locator("#wrapper")).ToHaveCountAsync(0);
        await destroyedSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Page.ClickAsync("#show");
        await Assertions.Expect(Page.Locator("#leaf")).ToHaveCountAsync(1);
        releaseDestroyed.SetResult();
        await destroyedHandled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await Assertions.Expect(Page.Locator("#leaf")).ToHaveAttributeAsync("data-phx-component", leafCid!);
        await Page.ClickAsync("#bump");
        await Assertions.Expect(Page.Locator("#leaf-count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue4209_ComponentUpdatedInsideALockedPanel_ShowsTheUpdateOnlyWhenTheLockEnds()
    {
        await GotoLiveAsync("/test/parity/issue-4209");
        await Assertions.Expect(Page.Locator("#slow-target-live")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#outside-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Page.Locator("#locked-child-label")).ToHaveTextAsync("child 0");

        await Page.ClickAsync("#start-locked-update");

        await Assertions.Expect(Page.Locator("#locked-panel")).ToHaveAttributeAsync("data-phx-ref-lock", new Regex(@"^\d+$"));
        await Assertions.Expect(Page.Locator("#outside-count")).ToHaveTextAsync("1");
        // The view's render that sent the component's update has arrived, yet the panel is still locked.
        await Assertions.Expect(Page.Locator("#child-updates")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#locked-panel")).ToHaveAttributeAsync("data-phx-ref-lock", new Regex(@"^\d+$"));
        await Assertions.Expect(Page.Locator("#locked-child-label")).ToHaveTextAsync("child 0");

        await Assertions.Expect(Page.Locator("#locked-panel")).Not.ToHaveAttributeAsync("data-phx-ref-lock", new Regex(".*"));
        await Assertions.Expect(Page.Locator("#locked-child-label")).ToHaveTextAsync("child 1");
    }

    private static FilePayload Pdf(string name, string content) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(content) };

    [Fact]
    public async Task Issue4368_CustomWriterFailure_StaysVisibleUntilCancelled()
    {
        await GotoLiveAsync("/test/parity/issue-4368");
        await MarkPageAsync();
        var input = Page.Locator("#upload-form input[type='file']");

        await input.SetInputFilesAsync([Pdf("good.pdf", "0000000000"), Pdf("bad.pdf", "00000error")]);

        var failed = Page.Locator(".upload-entry[data-name='bad.pdf']");
        await Assertions.Expect(failed.Locator(".upload-error")).ToHaveTextAsync("writer_failure: invalid_pdf");
        await Assertions.Expect(Page.Locator("#consumed")).ToHaveTextAsync("consumed: good.pdf");
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: false");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        var failedRef = await input.GetAttributeAsync("data-phx-active-refs");
        Assert.False(string.IsNullOrEmpty(failedRef));
        await Assertions.Expect(input).ToHaveAttributeAsync("data-phx-preflighted-refs", failedRef!);
        await Assertions.Expect(input).ToHaveAttributeAsync("data-phx-done-refs", "");

        await failed.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(failed).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveAttributeAsync("data-phx-active-refs", "");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: true");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue4368_CustomWriterFailure_ReleasesASubmitScheduledDuringTheUpload()
    {
        await GotoLiveAsync("/test/parity/issue-4368");
        await MarkPageAsync();
        var form = Page.Locator("#upload-form");
        var input = form.Locator("input[type='file']");
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "Submit" });

        await input.SetInputFilesAsync(Pdf("bad.pdf", "delayerror"));
        // Preflighted and not done: the upload runs (its first chunk takes the writer 500 ms), so the submit is scheduled.
        await Assertions.Expect(input).ToHaveAttributeAsync("data-phx-preflighted-refs", new Regex(".+"));
        await submit.ClickAsync();
        await Assertions.Expect(submit).ToBeDisabledAsync();

        var failed = Page.Locator(".upload-entry[data-name='bad.pdf']");
        await Assertions.Expect(failed.Locator(".upload-error")).ToHaveTextAsync("writer_failure: invalid_pdf");
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: false");
        await Assertions.Expect(form).Not.ToHaveClassAsync(new Regex("phx-submit-loading"));
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Assertions.Expect(input).Not.ToHaveAttributeAsync("data-phx-ref-lock", new Regex(".*"));
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await Assertions.Expect(submit).Not.ToHaveAttributeAsync("data-phx-ref-lock", new Regex(".*"));

        await failed.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(failed).ToHaveCountAsync(0);
        await submit.ClickAsync();
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: true");
        await AssertNotReloadedAsync();
    }
}
