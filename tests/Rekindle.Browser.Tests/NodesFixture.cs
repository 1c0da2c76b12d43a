using System.Collections.Concurrent;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Three nodes of the test app (sample + test views) as child processes sharing Redis (PubSub,
/// snapshots, key ring; a subclass runs it) and one data folder (the Ballots SQLite file), and a real
/// nginx in front with plain round robin. Browsers talk to nginx only; a test kills or stops nodes
/// and starts them again.
/// </summary>
public abstract class NodesFixture : IBrowserHostFixture, IAsyncLifetime
{
    public const int NodeCount = 3;

    private readonly ConcurrentQueue<TestLogSink.LogLine> _logs = new();
    private readonly List<ServerProcess> _nodes = [];
    private NginxProcess? _front;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>Every node's log lines, in the order they arrived.</summary>
    public IReadOnlyList<TestLogSink.LogLine> ServerLogs => [.. _logs];

    public Uri Url(string path) => (_front ?? throw new InvalidOperationException("The fixture is not initialized.")).Url(path);

    public async Task InitializeAsync()
    {
        DebianChromium.EnsureInstalled();
        try
        {
            var redis = await StartRedisAsync();
            var dataPath = TestHost.NewDataPath();
            string[] args = ["--Redis:Connection", redis];
            // The first node creates and seeds the shared ballots.db; the others then only open it.
            _nodes.Add(await ServerProcess.StartAsync(dataPath, _logs, args));
            _nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, NodeCount - 1).Select(_ => ServerProcess.StartAsync(dataPath, _logs, args))));
            _front = await NginxProcess.StartAsync(_nodes.Select(node => node.BaseAddress));
            _playwright = await Playwright.CreateAsync();
            _browser = await DebianChromium.LaunchAsync(_playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The node serving a view now: the one that logged the latest join on its topic. A node logs
    /// each line once, so the line object itself says which node wrote it.
    /// </summary>
    public ServerProcess NodeServing(string topic)
    {
        var lastJoin = ServerLogs.Last(line => line.EventId.Id == 2002 && line.Message.EndsWith($" joined on {topic}.", StringComparison.Ordinal));
        return _nodes.Single(node => node.Logs.Any(line => ReferenceEquals(line, lastJoin)));
    }

    /// <summary>Starts the Redis the nodes share; returns its connection string.</summary>
    protected abstract Task<string> StartRedisAsync();

    protected abstract ValueTask StopRedisAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await StopRedisAsync();
    }
}
