using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A nested view whose connected mount keeps failing (FailingChildLive in /test/nested-failing), as
/// Phoenix's end-to-end suite has it: the stock client retries the child's join alone, shows the
/// error on the child's container meanwhile, and only when it gives up puts the main view in its
/// permanent error state, without reloading the page. Our join replies "join crashed" as Phoenix does.
/// </summary>
public sealed partial class ChildJoinFailureTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [GeneratedRegex(@"\bphx-error\b")]
    private static partial Regex Error();

    [Fact]
    public async Task ChildJoinFailing_ErrorStaysOnTheChildWhileRetrying_MainErrsOnlyWhenTheClientGivesUp()
    {
        ExpectServerError(@"^Rekindle\.Hosting\.ChildViewJoiner: Mounting nested view FailingChildLive \(failing\) failed;");
        await Page.GotoAsync(Fixture.Url("/test/nested-failing").ToString());
        await MarkPageAsync();
        var child = Page.Locator("#failing");

        await Assertions.Expect(child).ToHaveClassAsync(Error());
        Assert.DoesNotMatch(Error(), await Main.GetAttributeAsync("class") ?? "");
        Assert.InRange(ServerLogsOfThisTest.Count(line => line.EventId.Id == 6302), 1, 2);

        await Assertions.Expect(Main).ToHaveClassAsync(Error());
        Assert.Equal(3, ServerLogsOfThisTest.Count(line => line.EventId.Id == 6302));
        await AssertNotReloadedAsync();
    }
}
