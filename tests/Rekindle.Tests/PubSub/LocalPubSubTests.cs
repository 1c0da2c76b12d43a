using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.PubSub;

namespace Rekindle.Tests.PubSub;

/// <summary>The single-node PubSub with its topic logs in a real SQLite file.</summary>
public sealed class LocalPubSubTests : TopicLogConformanceTests, IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"), "topics.db");
    private readonly SqliteTopicLog _log;
    private readonly LocalPubSub _pubSub;

    public LocalPubSubTests()
    {
        _log = NewLog();
        _pubSub = new LocalPubSub(_log, NullLogger<LocalPubSub>.Instance);
    }

    protected override IPubSub PubSub => _pubSub;

    private SqliteTopicLog NewLog() => new(_path, LogLength, TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance);

    [Fact]
    public async Task TheLog_OutlivesTheProcess_AnotherInstanceOnTheFileReadsIt()
    {
        var first = new List<PubSubMessage>();
        using (PubSub.Subscribe("durable", first.Add))
        {
            await PubSub.BroadcastAsync("durable", "before");
            await PubSub.BroadcastAsync("durable", "also before");
        }

        await using var reopened = NewLog();
        var history = await reopened.ReadAfterAsync("durable", first[0].Position!.Value, limit: 5, CancellationToken.None);

        Assert.True(history.Complete);
        Assert.Equal(["also before"], history.Messages.Select(m => (string)m.Message));
    }

    [Fact]
    public async Task AnEntryOfATypeThisProcessDoesNotKnow_MakesTheReadIncomplete()
    {
        var position = await _log.AppendAsync("unknown", "Some.Gone.Type, Gone", "{}", CancellationToken.None);
        await _log.AppendAsync("unknown", typeof(string).AssemblyQualifiedName!, "\"known\"", CancellationToken.None);

        var history = await _log.ReadAfterAsync("unknown", TopicPosition.Start, limit: 5, CancellationToken.None);

        Assert.False(history.Complete);
        Assert.Empty(history.Messages);
        Assert.True(history.Head > position);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _log.DisposeAsync();
}
