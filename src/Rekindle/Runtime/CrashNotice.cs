using Rekindle.Rendering;
using Rekindle.Telemetry;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// What leaves a view's process when its code crashed: the crash is counted, the client gets
/// <c>phx_error</c> and rejoins (docs/protocol.md §7.3), and in Development the browser first learns
/// what crashed: a <c>diff</c> holding only a pushed event (§4.4, §6) that the bundled script shows in
/// an overlay and the console. Outside Development the browser learns only that the view crashed.
/// </summary>
internal sealed class CrashNotice(IFrameSink sink, string joinRef, string topic, RekindleMetrics metrics, bool reportsDetails)
{
    public const string ClientEventName = "rekindle:view-crashed";

    /// <summary>A long stack of nested exceptions is cut: the log has all of it.</summary>
    public const int MaxDetailsLength = 16 * 1024;

    private readonly FrameWriter _frames = new();

    /// <summary>Sends the notice for <paramref name="joined"/> (<see langword="null"/> while still joining: no page to show details on).</summary>
    public void Send(JoinedView? joined, string details)
    {
        metrics.Crashed(joined?.TypeName ?? "(joining)");
        if (reportsDetails && joined is not null)
        {
            sink.Send(DetailsFrame(joined.TypeName, details));
        }
        sink.Send(_frames.Push(joinRef, topic, ProtocolNames.Error, "view crashed"));
    }

    private byte[] DetailsFrame(string view, string details)
    {
        var json = _frames.Begin(joinRef, null, topic, ProtocolNames.Diff);
        json.WriteStartObject();
        json.WriteStartArray(WireKeys.Events);
        json.WriteStartArray();
        json.WriteStringValue(ClientEventName);
        json.WriteStartObject();
        json.WriteString("view", view);
        json.WriteString("exception", details.Length <= MaxDetailsLength ? details : details[..MaxDetailsLength] + "\n…");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
        return _frames.End();
    }
}
