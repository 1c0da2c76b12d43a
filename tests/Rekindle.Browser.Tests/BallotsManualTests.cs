using Microsoft.Extensions.Logging;
using Rekindle.TestApp;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>A host of the Ballots sample started with <c>--Recovery:Mode Manual</c>.</summary>
public sealed class BallotsManualHost : IAsyncLifetime
{
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The manual host is not started.");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync("--Recovery:Mode", "Manual");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// The Ballots sample in manual recovery mode: the design note's state recovery hook brings the
/// submitted selections back, the client's form recovery the in-progress ones, and nothing else.
/// </summary>
public sealed class BallotsManualTests(BrowserFixture fixture, BallotsManualHost manual, ITestOutputHelper output)
    : BrowserTest(fixture, output), IClassFixture<BallotsManualHost>
{
    private readonly TestHost _manual = manual.Host;

    [Fact]
    public async Task Reconnect_SubmittedSelection_IsRestoredThroughTheHook()
    {
        var election = await NewElectionAsync(_manual);
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        await GotoElectionAsync(Page, _manual, election);
        await Assertions.Expect(Page.Locator("#recovery-mode")).ToHaveTextAsync("manual");
        await VoteAsync(Page, lunch, lunch.Choices[2]);
        await PickAsync(Page, color.Choices[0]);
        Assert.Equal($"{lunch.Id}", await Page.EvaluateAsync<string>($"() => Object.keys(window.ballotsRecovery.saved).join(',')"));

        await DisconnectAsync(Page);
        await Assertions.Expect(Main).Not.ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#reconnecting")).ToBeVisibleAsync();
        // Blank what the page shows, so what comes back can only come from the server.
        await Submitted(Page, lunch).EvaluateAsync("el => { el.textContent = 'stale'; }");
        await ReconnectAsync(Page);

        await Assertions.Expect(Page.Locator("#state-recovery")).ToHaveAttributeAsync("data-restored", "1");
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Tacos");
        Assert.Contains("restore-reply:1", await Page.EvaluateAsync<string[]>("() => window.ballotsRecovery.log"));
        // The unsubmitted pick came back through the client's form recovery (phx-auto-recover).
        await Assertions.Expect(Radio(Page, color.Choices[0])).ToHaveAttributeAsync("checked", "");
        await Assertions.Expect(Page.Locator($"#ballot-box-{color.Id}")).ToHaveAttributeAsync("data-recoveries", "1");
        await SubmitButton(Page, color).ClickAsync();
        await Assertions.Expect(Submitted(Page, color)).ToHaveTextAsync("submitted: Red");
        var tally = await Store(_manual).TallyAsync(election.Id);
        Assert.Equal(1, tally.Total(lunch.Id));
        Assert.Equal(1, tally.Total(color.Id));
        AssertNoServerErrors();
    }

    [Fact]
    public async Task Reconnect_ChangeInProgressOnASubmittedBallot_IsLostWithoutRecoverableState()
    {
        var election = await NewElectionAsync(_manual);
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, _manual, election);
        await ChangeSubmittedVoteAcrossReconnectAsync(Page, lunch);

        // The difference with the automatic mode: the fresh render has no form for this ballot, so
        // the client has nothing to recover into, and the half-made change is gone. The vote is not.
        await Assertions.Expect(Page.Locator("#state-recovery")).ToHaveAttributeAsync("data-restored", "1");
        await Assertions.Expect(Page.Locator($"#ballot-{lunch.Id}")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator($"#change-{lunch.Id}")).ToBeVisibleAsync();
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Pizza");
        AssertNoServerErrors();
    }

    [Fact]
    public async Task RestoreSavedState_ForgedStash_IsCheckedAgainstTheDatabase()
    {
        var election = await NewElectionAsync(_manual);
        var other = await NewElectionAsync(_manual);
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, _manual, election);

        // A stash naming a ballot of another election, a choice of another ballot, and a vote never made.
        var restored = await Page.EvaluateAsync<int>("""
            ([foreignBallot, foreignChoice, lunch, pizza]) =>
              liveSocket.main.pushHookEvent(document.getElementById("state-recovery"), null, "restore_saved_state",
                { saved: { [foreignBallot]: foreignChoice, [lunch]: foreignChoice, "x": 1, [lunch + "0"]: pizza } })
                .then(({ reply }) => reply.restored)
            """, new[] { other.Ballots[0].Id.ToString(), other.Ballots[0].Choices[0].Id.ToString(), lunch.Id.ToString(), lunch.Choices[0].Id.ToString() });

        Assert.Equal(0, restored);
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("");
        Assert.Equal(0, (await Store(_manual).TallyAsync(election.Id)).ByBallot.Values.Sum());
        Assert.Equal(0, (await Store(_manual).TallyAsync(other.Id)).ByBallot.Values.Sum());
        AssertNoServerErrors();
    }

    private void AssertNoServerErrors()
    {
        var errors = _manual.Logs.Lines.Where(line => line.Level >= LogLevel.Error).Select(line => $"{line.Category}: {line.Message} {line.Exception}").ToList();
        Assert.True(errors.Count == 0, "Unexpected server errors on the manual host:\n" + string.Join("\n", errors));
    }
}
