using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.BenchApp;
using Rekindle.Rendering;
using Rekindle.Runtime;
using Rekindle.Views;

namespace Rekindle.Benchmarks;

/// <summary>
/// Render + diff of the bench pages through <see cref="RenderSession"/>, as the runtime does after an
/// event: the view and its components render, and what changed since the last render is written as
/// JSON. The ballot's fieldsets are components, so they are rendered and diffed here too.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly LazyObjectWriter _lazy = new();
    private Utf8JsonWriter _json = null!;
    private CounterLive _counter = null!;
    private BallotLive _ballot = null!;
    private RenderSession _counterSession = null!;
    private RenderSession _ballotSession = null!;
    private int _tick;

    [GlobalSetup]
    public async Task Setup()
    {
        _json = new Utf8JsonWriter(_buffer, WireJson.WriterOptions);
        _counter = new CounterLive();
        _ballot = new BallotLive();
        _counterSession = await JoinedSession(_counter);
        _ballotSession = await JoinedSession(_ballot);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Join: the full counter tree with statics.</summary>
    [Benchmark]
    public async ValueTask<int> CounterFullRender() => await WriteFull(_counterSession);

    /// <summary>A click: count + 1, render, diff against the held tree.</summary>
    [Benchmark]
    public async ValueTask<int> CounterClickDiff()
    {
        _counter.CurrentCount++;
        return await WriteDiff(_counterSession);
    }

    /// <summary>Join: the ballot page with its three fieldset components.</summary>
    [Benchmark]
    public async ValueTask<int> BallotFullRender() => await WriteFull(_ballotSession);

    /// <summary>A radio selection in ballot 1, alternating Green/Blue: one component's radios change.</summary>
    [Benchmark]
    public async ValueTask<int> BallotRadioDiff()
    {
        _ballot.Draft[0] = (_tick++ & 1) == 0 ? "Green" : "Blue";
        _ballot.Changes++;
        return await WriteDiff(_ballotSession);
    }

    /// <summary>A render with nothing changed: the diff must be empty.</summary>
    [Benchmark]
    public async ValueTask<int> BallotNoChangeDiff() => await WriteDiff(_ballotSession);

    /// <summary>The dead render's HTML of the ballot page, components included.</summary>
    [Benchmark]
    public async ValueTask<int> BallotHtml()
    {
        var root = _ballot.Render();
        await new ComponentRegistry(_services, new ClientEffects(), onDropped: static (_, _) => { }).ResolveAsync(root);
        return root.ToString().Length;
    }

    private async Task<RenderSession> JoinedSession(LiveView view)
    {
        var session = new RenderSession(view, _services, maxComponents: 1000, NullLogger.Instance);
        await WriteFull(session);
        return session;
    }

    private async ValueTask<int> WriteFull(RenderSession session)
    {
        var pass = await session.RenderAsync();
        Begin();
        session.WriteFull(_json, pass, snapshot: null);
        return End();
    }

    private async ValueTask<int> WriteDiff(RenderSession session)
    {
        var pass = await session.RenderAsync();
        Begin();
        _lazy.Reset(_json);
        session.WriteDiff(_lazy, pass, snapshot: null);
        return End();
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private int End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenCount;
    }
}
