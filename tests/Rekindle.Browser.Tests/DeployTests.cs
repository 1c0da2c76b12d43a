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
