using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Rekindle.Tests.Hosting;

/// <summary>
/// Tokens are bound to <c>Rekindle:ApplicationName</c>, not to Data Protection's default (the content
/// root path): a deploy of the same app into another folder, with the same data folder, reads them.
/// </summary>
public sealed class DataProtectionNameTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void TwoContentRoots_SameDataPath_ReadEachOthersTokens()
    {
        var protectedByFirst = Protector(ContentRoot("release-1")).Protect("token");

        Assert.Equal("token", Protector(ContentRoot("release-2")).Unprotect(protectedByFirst));
    }

    [Fact]
    public void ConfiguredApplicationName_SeparatesApps()
    {
        var first = Protector(ContentRoot("a"), ("Rekindle:ApplicationName", "Billing")).Protect("token");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(ContentRoot("a"), ("Rekindle:ApplicationName", "Ballots")).Unprotect(first));
    }

    [Fact]
    public void NameTheAppSetItself_IsKept()
    {
        using var provider = Build(ContentRoot("a"), services => services.AddDataProtection().SetApplicationName("Mine"));

        Assert.Equal("Mine", provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private string ContentRoot(string name) => Directory.CreateDirectory(Path.Combine(_dataPath, "deploys", name)).FullName;

    private IDataProtector Protector(string contentRoot, params (string Key, string Value)[] settings)
    {
        var provider = Build(contentRoot, _ => { }, settings);
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    private ServiceProvider Build(string contentRoot, Action<IServiceCollection> before, params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Rekindle:DataPath", Path.Combine(_dataPath, "data")), .. settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))])
            .Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            ApplicationName = "App",
            EnvironmentName = Environments.Production,
            ContentRootPath = contentRoot,
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddLogging();
        before(services);
        services.AddRekindle();
        return services.BuildServiceProvider();
    }
}
