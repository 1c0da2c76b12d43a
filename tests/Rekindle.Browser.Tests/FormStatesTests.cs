using System.Collections.Concurrent;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Read-only and disabled states the client sets while an event is in flight and restores after the
/// reply, and <c>phx-no-unused-field</c> against <c>FormData</c>'s unused fields
/// (docs/protocol.md §5.3), as Phoenix's forms spec checks them, against FormStatesLive under
/// /test/parity/.
/// </summary>
public sealed class FormStatesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/form-states";
    private readonly ConcurrentQueue<string> _sentFrames = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => _sentFrames.Enqueue(frame.Text ?? "");
    }

    /// <summary>Starts recording the attribute changes of <paramref name="selector"/>'s element as <c>name:old-&gt;new</c>.</summary>
    private Task RecordAttributesAsync(string selector) => Page.EvaluateAsync(
        """
        selector => {
          const el = document.querySelector(selector);
          el.__changes = [];
          new MutationObserver(records => records.forEach(r =>
            el.__changes.push(`${r.attributeName}:${r.oldValue}->${r.target.getAttribute(r.attributeName)}`)))
            .observe(el, { attributes: true, attributeOldValue: true });
        }
        """, selector);

    private Task<string[]> AttributeChangesAsync(string selector) =>
        Page.EvaluateAsync<string[]>("selector => document.querySelector(selector).__changes", selector);

    private static void AssertContainsInOrder(string[] changes, params string[] expected)
    {
        var at = 0;
        foreach (var change in changes)
        {
            if (at < expected.Length && change == expected[at])
            {
                at++;
            }
        }
        Assert.True(at == expected.Length, $"expected [{string.Join(", ", expected)}] in order within [{string.Join(", ", changes)}]");
    }

    [Fact]
    public async Task Submit_OfAFormWithAReadonlyInput_KeepsItReadonlyAndRestoresTheOthers()
    {
        await GotoLiveAsync(Path);
        await Assertions.Expect(Page.Locator("input[name=a]")).ToHaveAttributeAsync("readonly", "");
        await RecordAttributesAsync("input[name=a]");
        await RecordAttributesAsync("input[name=b]");
        await RecordAttributesAsync("#submit");

        await Page.ClickAsync("#submit");
        await Assertions.Expect(Page.Locator("#submits")).ToHaveTextAsync("1");

        AssertContainsInOrder(await AttributeChangesAsync("input[name=a]"), "data-phx-readonly:null->true", "data-phx-readonly:true->null");
        AssertContainsInOrder(
            await AttributeChangesAsync("input[name=b]"),
            "data-phx-readonly:null->false", "readonly:null->", "readonly:->null", "data-phx-readonly:false->null");
        AssertContainsInOrder(
            await AttributeChangesAsync("#submit"),
            "data-phx-disabled:null->false", "disabled:null->", "disabled:->null", "data-phx-disabled:false->null");
        await Assertions.Expect(Page.Locator("input[name=a]")).ToHaveAttributeAsync("readonly", "");
        Assert.False(await Page.Locator("input[name=b]").EvaluateAsync<bool>("e => e.hasAttribute('readonly')"));
        await Assertions.Expect(Page.Locator("#submit")).ToBeEnabledAsync();

        await Page.ClickAsync("#submit");
        await Assertions.Expect(Page.Locator("#submits")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("input[name=a]")).ToHaveAttributeAsync("readonly", "");
    }

    [Fact]
    public async Task Click_OnAButtonOutsideAFormWithDisableWith_DisablesItUntilTheReply()
    {
        await GotoLiveAsync(Path);
        await RecordAttributesAsync("#outside");

        await Page.ClickAsync("#outside");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");

        AssertContainsInOrder(
            await AttributeChangesAsync("#outside"),
            "data-phx-disabled:null->false", "disabled:null->", "disabled:->null", "data-phx-disabled:false->null");
        await Assertions.Expect(Page.Locator("#outside")).ToBeEnabledAsync();
        await Assertions.Expect(Page.Locator("#outside")).ToHaveTextAsync("Outside");
    }

    [Theory]
    [InlineData("", "unused: a,c,d")]
    [InlineData("?no-unused=form", "unused: none")]
    [InlineData("?no-unused=input", "unused: a,d")]
    public async Task FormChange_WithPhxNoUnusedField_ReportsUnusedOnlyTheFieldsTheClientMarks(string query, string unused)
    {
        await GotoLiveAsync(Path + query);

        await Page.FillAsync("input[name=b]", "test");
        await Page.Locator("input[name=b]").BlurAsync();

        await Assertions.Expect(Page.Locator("#unused")).ToHaveTextAsync(unused);
        var changes = _sentFrames.Where(frame => frame.Contains("\"validate\"", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(changes);
        Assert.All(changes, change => Assert.Contains("a=foo&b=test", change, StringComparison.Ordinal));
        Assert.All(changes, change => Assert.Equal(query != "?no-unused=form", change.Contains("_unused_", StringComparison.Ordinal)));
    }
}
