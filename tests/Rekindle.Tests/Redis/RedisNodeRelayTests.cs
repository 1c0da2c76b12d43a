using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Redis;
using Rekindle.Tests.Recovery;
using StackExchange.Redis;

namespace Rekindle.Tests.Redis;

/// <summary>Requests between two nodes (each with its own connection) through a real redis-server.</summary>
public sealed class RedisNodeRelayTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _connections = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task AskAsync_HandlerOnTheOtherNode_ItsReplyComesBack()
    {
        var (asker, answerer) = (await NewRelayAsync(), await NewRelayAsync());
        using var registration = answerer.Answer("echo", (request, _) => Task.FromResult($"{request} from {answerer.Node}"));

        var reply = await asker.AskAsync(answerer.Node, "echo", "hello", TimeSpan.FromSeconds(5));

        Assert.Equal($"hello from {answerer.Node}", reply);
    }

    [Fact]
    public async Task AskAsync_NobodyListensForTheNode_NullAtOnce()
    {
        var asker = await NewRelayAsync();
        var timer = Stopwatch.StartNew();

        var reply = await asker.AskAsync(Guid.NewGuid().ToString("N"), "echo", "hello", TimeSpan.FromSeconds(30));

        Assert.Null(reply);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"answered after {timer.Elapsed}");
    }

    [Fact]
    public async Task AskAsync_HandlerSlowerThanTheTimeout_NullAfterTheTimeout()
    {
        var (asker, answerer) = (await NewRelayAsync(), await NewRelayAsync());
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = answerer.Answer("slow", (_, _) => release.Task);
        var timer = Stopwatch.StartNew();

        var reply = await asker.AskAsync(answerer.Node, "slow", "hello", TimeSpan.FromMilliseconds(300));
        release.SetResult("too late");

        Assert.Null(reply);
        Assert.InRange(timer.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AskAsync_NodeDiesHoldingTheRequest_NullWithinAListeningCheckNotTheTimeout()
    {
        var asker = await NewRelayAsync();
        var dying = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var answerer = await NewRelayAsync(dying);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = answerer.Answer("poll", async (_, _) =>
        {
            held.SetResult();
            return await new TaskCompletionSource<string>().Task; // a long poll that never ends
        });
        var timer = Stopwatch.StartNew();

        var asking = asker.AskAsync(answerer.Node, "poll", "wait", TimeSpan.FromSeconds(30));
        await held.Task;
        await dying.CloseAsync(allowCommandsToComplete: false);
        var reply = await asking;

        Assert.Null(reply);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {timer.Elapsed}, expected about a second after the node went");
    }

    [Fact]
    public async Task AskAsync_HandlerThrows_NullAfterTheTimeoutAndTheNodeStillAnswers()
    {
        var (asker, answerer) = (await NewRelayAsync(), await NewRelayAsync());
        using var registration = answerer.Answer("echo", (request, _) => request == "boom" ? throw new InvalidOperationException("boom") : Task.FromResult(request));

        Assert.Null(await asker.AskAsync(answerer.Node, "echo", "boom", TimeSpan.FromMilliseconds(300)));
        Assert.Equal("fine", await asker.AskAsync(answerer.Node, "echo", "fine", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Answer_SecondHandlerForOnePurpose_ThrowsUntilTheFirstIsDisposed()
    {
        var relay = await NewRelayAsync();
        var first = relay.Answer("echo", (request, _) => Task.FromResult(request));

        var error = Assert.Throws<InvalidOperationException>(() => relay.Answer("echo", (request, _) => Task.FromResult(request)));
        first.Dispose();
        using var second = relay.Answer("echo", (request, _) => Task.FromResult(request));

        Assert.Contains("'echo'", error.Message, StringComparison.Ordinal);
    }

    private async Task<RedisNodeRelay> NewRelayAsync(ConnectionMultiplexer? connection = null)
    {
        connection ??= await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        _connections.Add(connection);
        var relay = new RedisNodeRelay(connection, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), TimeProvider.System, NullLogger<RedisNodeRelay>.Instance);
        // The subscription is made in the background: wait until Redis counts it.
        var deadline = Stopwatch.StartNew();
        while (await connection.GetSubscriber().PublishAsync(RedisChannel.Literal("rekindle:relay:" + relay.Node), "{}") == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "the relay did not subscribe");
            await Task.Delay(10);
        }
        return relay;
    }
}
