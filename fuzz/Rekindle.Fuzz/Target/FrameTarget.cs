using System.Text.Json;
using Rekindle.Runtime;
using Rekindle.Views;
using Rekindle.Routing;
using Rekindle.Wire;

namespace Rekindle.Fuzz;

/// <summary>
/// The fuzz target: the input is one WebSocket text frame, run through what the server runs on it,
/// without a socket. The parsers (frame reader, event payload, form data, join payload, tokens,
/// connect params) must refuse bad input with a reason and never throw; then the frame is handed to
/// a real <see cref="ViewProcess"/> (<see cref="ViewHarness"/>), which must answer with well-formed
/// frames and never crash. Anything thrown out of <see cref="Run"/> is a finding.
/// </summary>
internal static class FrameTarget
{
    private static readonly FrameWriter Replies = new();

    public static void Run(ReadOnlyMemory<byte> input)
    {
        var harness = ViewHarness.Shared;
        if (!FrameReader.TryRead(input, out var frame, out var error))
        {
            Check(!string.IsNullOrEmpty(error), "FrameReader refused a frame without a reason");
            return;
        }
        // The socket echoes refs and topic back in its replies: they must come back unchanged.
        var reply = Replies.ErrorReply(frame.JoinRef, frame.Ref, frame.Topic, "unmatched topic");
        using (var echoed = JsonDocument.Parse(reply))
        {
            var elements = echoed.RootElement;
            Check(elements[0].GetString() == frame.JoinRef && elements[1].GetString() == frame.Ref && elements[2].GetString() == frame.Topic, "a reply does not echo the refs and topic as received");
        }
        if (frame.Topic == ProtocolNames.PhoenixTopic)
        {
            ViewHarness.CheckFrame(frame.Event == ProtocolNames.Heartbeat ? Replies.OkReply(null, frame.Ref, frame.Topic) : reply);
            return;
        }
        switch (frame.Event)
        {
            case ProtocolNames.Join:
                ParseJoin(frame.Payload, harness);
                if (frame.Topic.StartsWith(ProtocolNames.ViewTopicPrefix, StringComparison.Ordinal) && frame.Ref is not null)
                {
                    harness.Join(frame.Ref, frame.Payload);
                }
                break;
            case ProtocolNames.Leave:
                harness.Leave(frame.Ref);
                break;
            case ProtocolNames.Event:
                ParseEvent(frame.Payload);
                harness.Push(frame.Ref, frame.Event, frame.Payload);
                break;
            default:
                harness.Push(frame.Ref, frame.Event, frame.Payload);
                break;
        }
    }

    private static void ParseEvent(JsonElement payload)
    {
        if (EventPayloadParser.TryParse(payload, out var name, out var parsed, out var error))
        {
            Check(name.Length > 0, "an event parsed without a name");
            _ = parsed.Key;
            _ = parsed.GetString("value");
            if (parsed.Form is { } form)
            {
                Touch(form);
            }
        }
        else
        {
            Check(!string.IsNullOrEmpty(error), "EventPayloadParser refused a payload without a reason");
        }
        // Views parse a string value as a form whatever the type says (FormData.Parse is what
        // EventPayloadParser runs for type "form").
        if (payload.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
        {
            Touch(FormData.Parse(value.GetString(), null));
        }
    }

    private static void Touch(FormData form)
    {
        foreach (var name in form.Names.Take(64))
        {
            _ = form[name];
            _ = form.GetAll(name);
            _ = form.IsUnused(name);
        }
        _ = form.Target;
    }

    /// <summary>What a join payload goes through in <see cref="ViewJoiner"/> and <see cref="ConnectParams"/>.</summary>
    private static void ParseJoin(JsonElement payload, ViewHarness harness)
    {
        _ = harness.Tokens.TryReadSession(ReadString(payload, "session"), out _);
        _ = harness.Tokens.TryReadStatic(ReadString(payload, "static"), out _, out _);
        foreach (var name in (ReadOnlySpan<string>)["url", "redirect"])
        {
            if (Uri.TryCreate(ReadString(payload, name), UriKind.Absolute, out var uri))
            {
                var values = harness.Routes.Match(uri.AbsolutePath, ViewHarness.LiveSession)?.Values ?? [];
                _ = RouteParameters.From(values, uri.Query);
            }
        }
        var connectParams = new ConnectParams(payload.TryGetProperty("params", out var raw) ? raw : default);
        _ = connectParams.Mounts + connectParams.MountAttempts;
        foreach (var key in connectParams.Keys.Take(64))
        {
            _ = connectParams.GetString(key);
        }
    }

    private static string? ReadString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new FuzzFailureException(failure);
        }
    }
}

/// <summary>A broken invariant of the frame path (as opposed to an exception thrown by the engine).</summary>
internal sealed class FuzzFailureException(string message) : Exception(message);
