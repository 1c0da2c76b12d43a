using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Rekindle.BenchApp;
using Rekindle.Recovery;
using Rekindle.Rendering;

namespace Rekindle.Benchmarks;

/// <summary>
/// Recoverable state of the ballot view: capture of the [Recoverable] members + JSON (what is saved
/// after every change), the same protected with Data Protection (the browser-token mode), and the
/// way back at rejoin. Built on RecoverableMembers (internal) only, not on SnapshotService, whose
/// internal signatures were still moving when this was written: a signature change there breaks
/// this file's build, which run.sh reports as a failed micro benchmark step.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private readonly BallotLive _view = new();
    private RecoverableMembers _members = null!;
    private ITimeLimitedDataProtector _protector = null!;
    private byte[] _bytes = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _view.Draft[0] = "Green";
        _view.Draft[1] = "L";
        _view.Comment = "hello anchor";
        _view.Changes = 2;
        _view.Submitted = new BallotLive.Submission("Green", "L", null, "hello anchor");
        _view.SubmitCount = 1;
        _members = RecoverableMembers.Of(typeof(BallotLive));
        _protector = new EphemeralDataProtectionProvider().CreateProtector("bench").ToTimeLimitedDataProtector();
        _bytes = Serialize(_members.Capture(_view));
        _token = _protector.Protect(Convert.ToBase64String(_bytes), TimeSpan.FromHours(24));
    }

    private static byte[] Serialize(JsonObject state) => JsonSerializer.SerializeToUtf8Bytes(state, WireJson.PayloadOptions);

    /// <summary>Capture of the [Recoverable] members and JSON serialization (server-store mode writes these bytes).</summary>
    [Benchmark]
    public int CaptureAndSerialize() => Serialize(_members.Capture(_view)).Length;

    /// <summary>Capture, serialize and protect into a token (browser-store mode pushes it with the diff).</summary>
    [Benchmark]
    public int CaptureSerializeProtect() =>
        _protector.Protect(Convert.ToBase64String(Serialize(_members.Capture(_view))), TimeSpan.FromHours(24)).Length;

    /// <summary>Deserialize and apply to a fresh view.</summary>
    [Benchmark]
    public int DeserializeAndApply()
    {
        var state = JsonNode.Parse(_bytes)!.AsObject();
        var fresh = new BallotLive();
        _members.Apply(fresh, state, _members.Schema, null);
        return fresh.SubmitCount;
    }

    /// <summary>Unprotect a browser token, deserialize, apply.</summary>
    [Benchmark]
    public int UnprotectDeserializeAndApply()
    {
        var bytes = Convert.FromBase64String(_protector.Unprotect(_token, out _));
        var fresh = new BallotLive();
        _members.Apply(fresh, JsonNode.Parse(bytes)!.AsObject(), _members.Schema, null);
        return fresh.SubmitCount;
    }
}
