using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.Hosting;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Ready once Redis has answered a PING and the Data Protection key ring could be read from it. A node
/// started while Redis is down would otherwise fail every page (no key ring, no session token): live
/// routes wait on this instead (<see cref="IStartupDependency"/>), and the readiness check says why.
/// Redis going away later does not make it unready again: views keep working then (see AddRedis).
/// </summary>
internal sealed partial class RedisReadiness(IConnectionMultiplexer redis, IKeyManager keys, RekindleRedisOptions options, TimeProvider time, ILogger<RedisReadiness> logger)
    : BackgroundService, IStartupDependency
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "Redis";

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waitingLogged = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await AnswersAsync() is not { } failure)
            {
                _ready.TrySetResult();
                if (waitingLogged)
                {
                    Log.Answered(logger);
                }
                return;
            }
            if (!waitingLogged)
            {
                Log.Waiting(logger, failure);
                waitingLogged = true;
            }
            await Task.Delay(options.RetryInterval, time, stoppingToken);
        }
    }

    /// <summary>Null when Redis answers and the key ring loads; otherwise why not.</summary>
    private async Task<string?> AnswersAsync()
    {
        if (!redis.IsConnected)
        {
            return "not connected";
        }
        try
        {
            await redis.GetDatabase().PingAsync();
            keys.GetAllKeys();
            return null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidOperationException)
        {
            return exception.Message;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5120, LogLevel.Warning, "Redis does not answer at startup ({Reason}): live views wait for it and the readiness check says not ready.", EventName = nameof(Waiting))]
        public static partial void Waiting(ILogger logger, string reason);

        [LoggerMessage(5121, LogLevel.Information, "Redis answers: the node serves live views.", EventName = nameof(Answered))]
        public static partial void Answered(ILogger logger);
    }
}
