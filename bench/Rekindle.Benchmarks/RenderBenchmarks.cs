using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Rekindle.BenchApp;
using Rekindle.Rendering;

namespace Rekindle.Benchmarks;

/// <summary>
/// Render + diff of the bench pages, as the runtime does after an event: the view renders a new
/// tree, and the diff against the tree the client holds is written as JSON.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly LazyObjectWriter _lazy = new();
    private Utf8JsonWriter _json = null!;
    private CounterLive _counter = null!;
    private BallotLive _ballot = null!;
    private Rendered _counterHeld = null!;
    private Rendered _ballotHeld = null!;
    private int _tick;

    [GlobalSetup]
    public void Setup()
    {
        _json = new Utf8JsonWriter(_buffer, WireJson.WriterOptions);
        _counter = new CounterLive();
        _ballot = new BallotLive();
        _counterHeld = _counter.Render();
        _ballotHeld = _ballot.Render();
    }

    /// <summary>Join: the full counter tree with statics.</summary>
    [Benchmark]
    public int CounterFullRender()
    {
        var tree = _counter.Render();
        Begin();
        TreeWriter.WriteNodeBody(_json, tree, root: false);
        return End();
    }

    /// <summary>A click: count + 1, render, diff against the held tree.</summary>
    [Benchmark]
    public int CounterClickDiff()
    {
        _counter.CurrentCount++;
        var next = _counter.Render();
        var bytes = Diff(_counterHeld, next);
        _counterHeld = next;
        return bytes;
    }

    [Benchmark]
    public int BallotFullRender()
    {
        var tree = _ballot.Render();
        Begin();
        TreeWriter.WriteNodeBody(_json, tree, root: false);
        return End();
    }

    /// <summary>A radio selection in ballot 1, alternating Green/Blue: two radios change template.</summary>
    [Benchmark]
    public int BallotRadioDiff()
    {
        _ballot.Draft[0] = (_tick++ & 1) == 0 ? "Green" : "Blue";
        _ballot.Changes++;
        var next = _ballot.Render();
        var bytes = Diff(_ballotHeld, next);
        _ballotHeld = next;
        return bytes;
    }

    /// <summary>A render with nothing changed: the diff must be empty.</summary>
    [Benchmark]
    public int BallotNoChangeDiff()
    {
        var next = _ballot.Render();
        var bytes = Diff(_ballotHeld, next);
        _ballotHeld = next;
        return bytes;
    }

    /// <summary>The dead render's HTML of the ballot page.</summary>
    [Benchmark]
    public int BallotHtml() => _ballot.Render().ToString().Length;

    private int Diff(Rendered held, Rendered next)
    {
        Begin();
        _lazy.Reset(_json);
        DiffWriter.WriteRoot(_lazy, held, next);
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
