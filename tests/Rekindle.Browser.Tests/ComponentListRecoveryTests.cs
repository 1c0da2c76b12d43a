using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Many instances of one component type in a keyed list, across a dropped socket while the list
/// changes on the server (/test/roster): the rejoin's render numbers the components anew, and each
/// still gets back its own note (form recovery, routed by the new cids, docs/protocol.md §7.6)
/// and its own votes ([Recoverable], keyed by type and id).
/// </summary>
public sealed class ComponentListRecoveryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task ComponentForms_ListReorderedAndGrownWhileDisconnected_EachMemberRecoversItsOwnState()
    {
        var roster = $"roster-{Guid.NewGuid():N}";
        await SetRosterAsync(roster, "ann,bob,cy");
        await GotoLiveAsync($"/test/roster/{roster}");
        await Page.Locator("#note-ann").FillAsync("note of ann");
        await Page.Locator("#note-bob").FillAsync("note of bob");
        await Page.Locator("#note-cy").FillAsync("note of cy");
        await Page.ClickAsync("#vote-ann");
        await Page.ClickAsync("#vote-cy");
        await Page.ClickAsync("#vote-cy");
        await Assertions.Expect(Page.Locator("#votes-cy")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#note-echo-cy")).ToHaveTextAsync("note of cy");
        var cidsBefore = await CidsAsync();

        await DropSocketAsync(() => SetRosterAsync(roster, "dan,cy,bob,ann"));

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#members > li")).ToHaveCountAsync(4);
        Assert.Equal(["member-dan", "member-cy", "member-bob", "member-ann"],
            await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#members > li')].map(li => li.id)"));
        var cidsAfter = await CidsAsync();
        Output.WriteLine($"cids before: {string.Join(", ", cidsBefore)}; after: {string.Join(", ", cidsAfter)}");
        // The scenario is only worth something if the components were numbered anew.
        Assert.NotEqual(cidsBefore["ann"], cidsAfter["ann"]);
        Assert.NotEqual(cidsBefore["cy"], cidsAfter["cy"]);

        foreach (var (member, note, votes) in new[] { ("ann", "note of ann", "1"), ("bob", "note of bob", "0"), ("cy", "note of cy", "2"), ("dan", "", "0") })
        {
            await Assertions.Expect(Page.Locator($"#note-echo-{member}")).ToHaveTextAsync(note);
            await Assertions.Expect(Page.Locator($"#note-{member}")).ToHaveValueAsync(note);
            await Assertions.Expect(Page.Locator($"#votes-{member}")).ToHaveTextAsync(votes);
        }
        // The components are live with that state: the next change and click go to the right one.
        await Page.Locator("#note-bob").FillAsync("note of bob, again");
        await Assertions.Expect(Page.Locator("#note-echo-bob")).ToHaveTextAsync("note of bob, again");
        await Page.ClickAsync("#vote-ann");
        await Assertions.Expect(Page.Locator("#votes-ann")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#note-echo-dan")).ToHaveTextAsync("");
    }

    private async Task SetRosterAsync(string roster, string members)
    {
        var response = await Page.APIRequest.PostAsync(Fixture.Url($"/test/roster/{roster}?members={members}").ToString());
        Assert.Equal(204, response.Status);
    }

    private async Task<Dictionary<string, int>> CidsAsync() =>
        (await Page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...document.querySelectorAll('#members > li > [data-phx-component]')].map(el => [el.id.replace('box-', ''), el.dataset.phxComponent]))"))
        .ToDictionary(pair => pair.Key, pair => int.Parse(pair.Value));
}
