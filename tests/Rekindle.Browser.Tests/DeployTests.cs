using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 18, item 2: deploys with the embedded defaults (key ring and snapshots under the data
/// folder) keep every open tab's state, wherever the new build lives and after the key ring rotated.
/// </summary>
public sealed class DeployTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    public override async Task DisposeAsync()
    {
        if (Server.NextStartArgs.Count > 0)
        {
            Server.NextStartArgs = [];
            await Server.KillAsync();
        }
        await base.DisposeAsync();
    }

    [Fact]
    public async Task DeployToANewFolder_SameDataPath_CountComesBackWithoutReload()
    {
        await CountToAsync(4);
        var release2 = Directory.CreateDirectory(Path.Combine(Server.DataPath, "..", Path.GetFileName(Server.DataPath) + "-release-2")).FullName;
        // Data Protection's own default binds tokens to the content root: without Rekindle's
        // application name, every rejoin below was answered "stale" and the page reloaded at 0.
        Server.NextStartArgs = ["--contentRoot", release2];

        await ForceReconnectAsync(Fault.ServerStop, () => MarkStaleAsync("#count"));

        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("4");
        Assert.Contains(Server.Logs, line => line.Message.Contains($"Content root path: {release2}", StringComparison.Ordinal));
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("5");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task KeyRingRotatedWhileDown_OldTokensStillRead_CountComesBackWithoutReload()
    {
        await CountToAsync(2);

        await ForceReconnectAsync(Fault.ServerKill, () =>
        {
            // What the key manager does when the default key nears its expiry: a new key, now the default.
            using var keys = new ServiceCollection()
                .AddDataProtection()
                .SetApplicationName("Rekindle")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Server.DataPath, "keys")))
                .Services.BuildServiceProvider();
            keys.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
            return MarkStaleAsync("#count");
        });

        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Server.DataPath, "keys"), "key-*.xml").Length);
    }

    [Fact]
    public async Task DeployOfChangedCode_MembersGainedLostRetyped_TemplateChanged_MatchingStateBackWithoutReload()
    {
        Server.NextStartArgs = ["--TestApp:NotesAssembly", Release(1)];
        await Server.KillAsync();
        await Server.StartAsync();
        await GotoLiveAsync("/test/notes");
        await MarkPageAsync();
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");
        await Locator("#write").ClickAsync();
        await Assertions.Expect(Locator("#draft")).ToHaveTextAsync("buy milk");
        await Locator("#raise").ClickAsync();
        await Assertions.Expect(Locator("#pinned")).ToHaveTextAsync("true");

        Server.NextStartArgs = ["--TestApp:NotesAssembly", Release(2)];
        await ForceReconnectAsync(Fault.ServerStop);

        await Assertions.Expect(Locator("#release")).ToHaveTextAsync("release 2");
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");
        await Assertions.Expect(Locator("#draft")).ToHaveTextAsync("buy milk");
        // Retyped (int to string): not restored, the new default shows; gained: its default.
        await Assertions.Expect(Locator("#priority")).ToHaveTextAsync("normal");
        await Assertions.Expect(Locator("#tags")).ToHaveTextAsync("new");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
        Assert.Contains(Server.Logs, line => line.EventId.Id == 4101 && line.Message.Contains("Priority", StringComparison.Ordinal));
    }

    /// <summary>The build output of tests/Rekindle.DeployedViews.V<paramref name="release"/>, next to the test app's.</summary>
    private static string Release(int release)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var name = $"Rekindle.DeployedViews.V{release}";
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "tests", name, "bin", testBin.Parent!.Name, testBin.Name, name + ".dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException($"{name}.dll not found; build Rekindle.sln first.");
    }

    private async Task CountToAsync(int count)
    {
        await GotoLiveAsync("/counter");
        await MarkPageAsync();
        for (var i = 1; i <= count; i++)
        {
            await Locator("#inc").ClickAsync();
            await Assertions.Expect(Locator("#count")).ToHaveTextAsync($"{i}");
        }
    }
}
