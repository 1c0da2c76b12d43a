namespace Rekindle.Browser.Tests;

public sealed class KeysTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task KeyBindings_FocusTypeBlurEscape_ReachTheServer()
    {
        await GotoLiveAsync("/test/keys");
        var input = Page.Locator("#keys");

        await input.FocusAsync();
        await Assertions.Expect(Page.Locator("#focus")).ToHaveTextAsync("focus");

        await Page.Keyboard.PressAsync("a");
        // phx-keyup sends the key and, on an input, the input's value.
        await Assertions.Expect(Page.Locator("#last-key")).ToHaveTextAsync("a:a");

        await input.BlurAsync();
        await Assertions.Expect(Page.Locator("#focus")).ToHaveTextAsync("blur");

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.Locator("#window-key")).ToHaveTextAsync("Escape");
    }

    [Fact]
    public async Task WindowKeydown_KeyOtherThanPhxKey_IsNotSent()
    {
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => sent.Enqueue(frame.Text ?? "");
        await GotoLiveAsync("/test/keys");

        // phx-key="Escape" filters on the client: "x" goes nowhere, and Escape after it arrives alone.
        await Page.Keyboard.PressAsync("x");
        await Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(Page.Locator("#window-key")).ToHaveTextAsync("Escape");
        var windowKeyEvents = sent.Where(frame => frame.Contains("\"window_key\"")).ToList();
        var only = Assert.Single(windowKeyEvents);
        Assert.Contains("\"key\":\"Escape\"", only);
    }
}
