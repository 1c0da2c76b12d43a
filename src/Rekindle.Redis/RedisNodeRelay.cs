using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// <see cref="INodeRelay"/> over Redis pub/sub: each node listens on a channel named after it; a
/// request is published there with the asking node's name and a fresh id, and the reply comes back on
/// the asker's channel under that id. Redis says how many listened to a publish, so a request to a
/// node that is gone fails at once instead of waiting out its timeout. Nothing is stored in Redis.
/// On a Redis Cluster the channels are sharded (<c>SSUBSCRIBE</c>/<c>SPUBLISH</c>, Redis 7): a plain
/// publish there counts only the listeners connected to the primary it went to, which would make a
/// live node look gone; a sharded channel's listeners all sit on the primary that owns its slot.
/// </summary>
internal sealed partial class RedisNodeRelay : INodeRelay, IDisposable
{
    private const string ChannelPrefix = "rekindle:relay:";
    private static readonly TimeSpan ListeningCheck = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNodeRelay> _logger;
    private readonly CancellationToken _stopping;
    private readonly bool _sharded;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<string, CancellationToken, Task<string>>> _handlers = new(StringComparer.Ordinal);

    public RedisNodeRelay(IConnectionMultiplexer redis, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RedisNodeRelay> logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
        // Known once the multiplexer connected; a node started while its cluster is unreachable
        // talks plain pub/sub until it restarts (README, Running a cluster).
        _sharded = redis.GetServers().Any(server => server.ServerType == ServerType.Cluster);
        try
        {
            // Requests are independent of each other: handled concurrently, in no particular order.
            _redis.GetSubscriber().Subscribe(ChannelOf(Node), (channel, value) => _ = ReceiveAsync((string?)value ?? ""));
        }
        catch (RedisConnectionException exception)
        {
            // The multiplexer keeps the subscription and makes it on the server when it connects.
            Log.SubscribeDeferred(logger, exception.Message);
        }
    }

    public string Node { get; } = Guid.NewGuid().ToString("N");

    public async Task<string?> AskAsync(string node, string purpose, string request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.NewGuid().ToString("N");
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = reply;
        try
        {
            var envelope = JsonSerializer.Serialize(new Envelope(id, Node, purpose, request, Reply: false));
            if (await _redis.GetSubscriber().PublishAsync(ChannelOf(node), envelope).WaitAsync(cancellationToken) == 0)
            {
                return null; // nobody listens on that node's channel: it is gone
            }
            return await ReplyAsync(node, reply.Task, timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Log.AskFailed(_logger, exception.Message);
            return null;
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Waits for the reply, checking every <see cref="ListeningCheck"/> that the node still listens: a
    /// node killed while it held a request (a long poll waits up to its window) drops its connection,
    /// Redis forgets its subscription, and the asker gives up within a check instead of the timeout.
    /// </summary>
    private async Task<string?> ReplyAsync(string node, Task<string> reply, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            try
            {
                return await reply.WaitAsync(left < ListeningCheck ? left : ListeningCheck, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
            // The channel as a key routes the question to the primary that owns its slot.
            var listeners = await _redis.GetDatabase().ExecuteAsync("PUBSUB", _sharded ? "SHARDNUMSUB" : "NUMSUB", (RedisKey)(ChannelPrefix + node)).WaitAsync(cancellationToken);
            if ((long)((RedisResult[])listeners!)[1] == 0)
            {
                return null;
            }
        }
    }

    public IDisposable Answer(string purpose, Func<string, CancellationToken, Task<string>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(purpose, handler))
        {
            throw new InvalidOperationException($"Expected one handler for '{purpose}'. Got a second one.");
        }
        return new Registration(() => _handlers.TryRemove(new(purpose, handler)));
    }

    private RedisChannel ChannelOf(string node) => _sharded ? RedisChannel.Sharded(ChannelPrefix + node) : RedisChannel.Literal(ChannelPrefix + node);

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(ChannelOf(Node));

    private async Task ReceiveAsync(string json)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(json);
        }
        catch (JsonException)
        {
            envelope = null;
        }
        if (envelope is not { Id.Length: > 0, From.Length: > 0, Purpose: not null, Body: not null })
        {
            Log.Unreadable(_logger);
            return;
        }
        if (envelope.Reply)
        {
            if (_waiting.TryGetValue(envelope.Id, out var waiting))
            {
                waiting.TrySetResult(envelope.Body);
            }
            return; // else a reply that came after its timeout
        }
        if (!_handlers.TryGetValue(envelope.Purpose, out var handler))
        {
            Log.NoHandler(_logger, envelope.Purpose);
            return;
        }
        try
        {
            var answer = await handler(envelope.Body, _stopping);
            var reply = JsonSerializer.Serialize(envelope with { From = Node, Body = answer, Reply = true });
            await _redis.GetSubscriber().PublishAsync(ChannelOf(envelope.From), reply);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or OperationCanceledException)
        {
            Log.ReplyFailed(_logger, exception.Message);
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(_logger, exception, envelope.Purpose);
        }
    }

    private sealed record Envelope(
        [property: JsonPropertyName("i")] string Id,
        [property: JsonPropertyName("f")] string From,
        [property: JsonPropertyName("p")] string? Purpose,
        [property: JsonPropertyName("b")] string? Body,
        [property: JsonPropertyName("r")] bool Reply);

    private sealed class Registration(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5140, LogLevel.Warning, "Redis is unreachable ({Reason}): requests from other nodes (long polls of sessions held here) arrive once it answers.", EventName = nameof(SubscribeDeferred))]
        public static partial void SubscribeDeferred(ILogger logger, string reason);

        [LoggerMessage(5141, LogLevel.Warning, "A request to another node through Redis failed ({Reason}); the client reconnects.", EventName = nameof(AskFailed))]
        public static partial void AskFailed(ILogger logger, string reason);

        [LoggerMessage(5142, LogLevel.Warning, "An unreadable relay message from Redis was dropped (a node running another version?).", EventName = nameof(Unreadable))]
        public static partial void Unreadable(ILogger logger);

        [LoggerMessage(5143, LogLevel.Warning, "A relayed request for {Purpose} has no handler on this node (a node running another version?); the asker times out.", EventName = nameof(NoHandler))]
        public static partial void NoHandler(ILogger logger, string purpose);

        [LoggerMessage(5144, LogLevel.Debug, "A relayed request was answered but its reply could not be sent ({Reason}); the asker times out.", EventName = nameof(ReplyFailed))]
        public static partial void ReplyFailed(ILogger logger, string reason);

        [LoggerMessage(5145, LogLevel.Error, "The handler for relayed {Purpose} requests threw; the asker times out.", EventName = nameof(HandlerFailed))]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string purpose);
    }
}
