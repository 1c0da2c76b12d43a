using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rekindle.Browser.Tests.Template;

/// <summary>
/// A .NET developer's first hour (issue 22): the packages from <c>dotnet pack</c>, an app and its
/// tests from <c>dotnet new rekindle</c> / <c>rekindle-tests</c> built against those packages only,
/// and the app's pages driven in Chromium through clicks, a form and a server restart.
/// </summary>
public sealed class TemplateAppTests(TemplateAppFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<TemplateAppFixture>(fixture, output)
{
    private static readonly string[] Libraries = ["Rekindle", "Rekindle.Redis", "Rekindle.Testing"];

    [Fact]
    public void Pack_EveryPackage_HasItsMetadataReadmeAndLicense()
    {
        foreach (var line in Fixture.Template.Timings)
        {
            Output.WriteLine(line);
        }
        foreach (var id in Libraries.Append("Rekindle.Templates"))
        {
            using var package = ZipFile.OpenRead(Fixture.Template.PackagePath(id));
            var metadata = Nuspec(package);
            Assert.Equal(id, Value(metadata, "id"));
            Assert.Matches(@"^\d+\.\d+\.\d+", Value(metadata, "version"));
            Assert.Equal("Rekindle contributors", Value(metadata, "authors"));
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
            Assert.Contains("liveview", Value(metadata, "tags"));
            Assert.Matches("^[0-9a-f]{40}$", (string?)metadata.Element(metadata.Name.Namespace + "repository")?.Attribute("commit") ?? "");
            Assert.NotNull(package.GetEntry("README.md"));
            Assert.NotNull(package.GetEntry("LICENSE"));
        }
    }

    [Fact]
    public void Pack_Libraries_ShipAssemblyDocsAndSymbolsButNoBuildSteps()
    {
        foreach (var id in Libraries)
        {
            using var package = ZipFile.OpenRead(Fixture.Template.PackagePath(id));
            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
            // Nothing runs at the user's build: the client bundle is already inside Rekindle.dll, so no npm.
            Assert.DoesNotContain(package.Entries, entry => entry.FullName.StartsWith("build", StringComparison.Ordinal));
            using var symbols = ZipFile.OpenRead(Fixture.Template.PackagePath(id, ".snupkg"));
            Assert.NotNull(symbols.GetEntry($"lib/net10.0/{id}.pdb"));
        }
    }

    [Fact]
    public async Task App_ClientBundle_IsServedFromThePackage()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(Fixture.Url("/_rekindle/rekindle.js"));

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("phx-", await response.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(Fixture.Template.AppFolder, "node_modules")));
    }

    [Fact]
    public void GeneratedTests_RunInProcessWithRekindleTesting_Pass()
    {
        Output.WriteLine(Fixture.Template.GeneratedTestsOutput);

        Assert.Matches(new Regex(@"Failed:\s+0, Passed:\s+[1-9]"), Fixture.Template.GeneratedTestsOutput);
    }

    [Fact]
    public async Task Counter_ClicksThenServerKill_ComesBackWithTheCountAndTheComponentState()
    {
        await GotoLiveAsync("/");
        await Assertions.Expect(Page.Locator("header")).ToHaveCSSAsync("border-bottom-style", "solid"); // wwwroot/app.css
        await MarkPageAsync();
        var tip = await Locator("#tip").TextContentAsync() ?? "";
        for (var i = 0; i < 3; i++)
        {
            await Locator("#inc").ClickAsync();
            await Assertions.Expect(Locator("#count")).ToHaveTextAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Locator("#next-tip").ClickAsync();
        await Assertions.Expect(Locator("#tip")).Not.ToHaveTextAsync(tip);
        var nextTip = await Locator("#tip").TextContentAsync() ?? "";

        await ForceReconnectAsync(Fault.ServerKill, () => MarkStaleAsync("#count", "#tip"));

        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await Assertions.Expect(Locator("#tip")).ToHaveTextAsync(nextTip);
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("4");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Signup_ValidationThenSubmitThenReconnect_KeepsTheMember()
    {
        await GotoLiveAsync("/signup");
        await MarkPageAsync();

        await Locator("#email").FillAsync("ada");
        await Assertions.Expect(Locator("#email-error")).ToContainTextAsync("email address");
        await Assertions.Expect(Locator("#name-error")).ToBeEmptyAsync(); // not typed in yet
        await Locator("#name").FillAsync("Ada");
        await Locator("#email").FillAsync("ada@example.com");
        await Assertions.Expect(Locator("#email-error")).ToBeEmptyAsync();
        await Locator("#save").ClickAsync();
        await Assertions.Expect(Locator("#members li")).ToHaveTextAsync("Ada <ada@example.com>");

        await ForceReconnectAsync(Fault.ServerKill, () => MarkStaleAsync("#members"));

        await Assertions.Expect(Locator("#members li")).ToHaveTextAsync("Ada <ada@example.com>");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task DotnetWatch_TemplateCssAndRudeEdits_ReachTheOpenPageWithoutAReload()
    {
        var project = Fixture.Template.CopyApp("watched");
        await using var watch = await DotnetWatch.StartAsync(project);
        try
        {
            await EditsReachTheOpenPageAsync(project, watch.BaseAddress);
        }
        catch
        {
            Output.WriteLine(watch.Output);
            throw;
        }
    }

    private async Task EditsReachTheOpenPageAsync(string project, Uri app)
    {
        var slow = new LocatorAssertionsToHaveTextOptions { Timeout = 90_000 };
        await Page.GotoAsync(app.ToString());
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");
        await MarkPageAsync();

        // Hot reload: the view's template and the component's, applied to the running app; every
        // connected view renders again, keeping its state.
        Edit(project, "Counter/CounterLive.cs", "<h1>Counter</h1>", "<h1>Counter, edited live</h1>");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Counter, edited live", slow);
        Edit(project, "Counter/TipComponent.cs", ">Next tip<", ">Another tip<");
        await Assertions.Expect(Locator("#next-tip")).ToHaveTextAsync("Another tip", slow);
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");

        // A stylesheet in wwwroot: fetched again in place.
        await File.AppendAllTextAsync(Path.Combine(project, "wwwroot", "app.css"), "\nh1 { color: rgb(1, 2, 3); }\n");
        await Assertions.Expect(Page.Locator("h1")).ToHaveCSSAsync("color", "rgb(1, 2, 3)", new() { Timeout = 30_000 });

        // An edit hot reload cannot apply (a type's modifiers): dotnet watch restarts the app, and the
        // page rejoins the new process through recovery, as after any restart.
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        Edit(project, "Counter/TipComponent.cs", "public sealed class TipComponent", "public class TipComponent", ">Another tip<", ">Tip after a restart<");
        await Assertions.Expect(Locator("#next-tip")).ToHaveTextAsync("Tip after a restart", slow);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
    }

    /// <summary>Replaces text in one of the project's files, in one write, as an editor saving it does.</summary>
    private static void Edit(string project, string file, params string[] oldThenNew)
    {
        var path = Path.Combine(project, file);
        var text = File.ReadAllText(path);
        for (var i = 0; i < oldThenNew.Length; i += 2)
        {
            Assert.Contains(oldThenNew[i], text);
            text = text.Replace(oldThenNew[i], oldThenNew[i + 1], StringComparison.Ordinal);
        }
        File.WriteAllText(path, text);
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var root = XDocument.Load(stream).Root!; // a nuspec always has its package element...
        return root.Element(root.Name.Namespace + "metadata")!; // ...and in it the metadata element

    }

    private static string Value(XElement metadata, string name) => (string?)metadata.Element(metadata.Name.Namespace + name) ?? "";
}
