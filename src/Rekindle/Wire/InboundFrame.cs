using System.Text.Json;

namespace Rekindle.Wire;

/// <summary>One client frame: <c>[join_ref, ref, topic, event, payload]</c> (docs/protocol.md §1.2).</summary>
internal readonly record struct InboundFrame(string? JoinRef, string? Ref, string Topic, string Event, JsonElement Payload);
