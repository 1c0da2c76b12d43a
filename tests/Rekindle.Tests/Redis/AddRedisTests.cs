using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.Recovery;
using Rekindle.Redis;
using Rekindle.Tests.Recovery;
using StackExchange.Redis;

namespace Rekindle.Tests.Redis;

/// <summary><c>AddRedis</c> reads its settings from the <c>Rekindle:Redis</c> section, against a real redis-server.</summary>
public sealed class AddRedisTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task AddRedis_WithTheSectionOnly_UsesItsServerTimeoutAndApplicationName()
    {
        using var host = Build(new()
        {
            ["Rekindle:Redis:Configuration"] = redis.Server.ConnectionString,
            ["Rekindle:Redis:ApplicationName"] = "bound-app",
            ["Rekindle:Redis:OperationTimeout"] = "00:00:01.500",
            ["Rekindle:Redis:MaxPendingSnapshots"] = "7",
        }, builder => builder.AddRedis());

        var options = host.Services.GetRequiredService<IOptions<RekindleRedisOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(1.5), 7), (options.OperationTimeout, options.MaxPendingSnapshots));
        var connection = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Equal(1500, connection.TimeoutMilliseconds);
        Assert.Equal("bound-app", host.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);

        var key = $"bound-{Guid.NewGuid():N}";
        await host.Services.GetRequiredService<IStateStore>().SaveAsync(key, 1, new byte[] { 1, 2, 3 }, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[]?)await redis.Connection.GetDatabase().HashGetAsync("rekindle:snapshot:" + key, "d"));

        var keyRingBefore = await redis.Connection.GetDatabase().ListLengthAsync("rekindle:data-protection-keys");
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
        Assert.True(await redis.Connection.GetDatabase().ListLengthAsync("rekindle:data-protection-keys") >= Math.Max(1, keyRingBefore));
    }

    [Fact]
    public void AddRedis_WithAConnectionString_OverridesTheSectionAndKeepsItsOtherSettings()
    {
        using var host = Build(new()
        {
            ["Rekindle:Redis:Configuration"] = "unreachable.invalid:1",
            ["Rekindle:Redis:RetryInterval"] = "00:00:03",
        }, builder => builder.AddRedis(redis.Server.ConnectionString));

        var options = host.Services.GetRequiredService<IOptions<RekindleRedisOptions>>().Value;
        Assert.Equal((redis.Server.ConnectionString, TimeSpan.FromSeconds(3)), (options.Configuration, options.RetryInterval));
    }

    [Fact]
    public void AddRedis_WithoutAServer_FailsNamingTheSetting()
    {
        using var host = Build([], builder => builder.AddRedis(options => options.OperationTimeout = TimeSpan.FromSeconds(1)));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RekindleRedisOptions>>().Value);
        Assert.Contains("Rekindle:Redis:Configuration is required", error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IRekindleBuilder> addRedis)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        addRedis(builder.Services.AddRekindle());
        return builder.Build();
    }
}
