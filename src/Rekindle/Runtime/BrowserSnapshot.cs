using System.Text.Json;
using Rekindle.Recovery;

namespace Rekindle.Runtime;

/// <summary>
/// A snapshot kept by the browser (browser store mode): the client event that hands its token to
/// <c>rekindle.js</c>. It must leave in the frame of the diff rendered from the same state, so that a
/// token never describes a state the page does not show; it is an argument of <see cref="RenderSession.WriteDiff"/>.
/// </summary>
internal readonly record struct BrowserSnapshot(string ViewId, string Token)
{
    private static readonly JsonEncodedText ViewKey = JsonEncodedText.Encode("view");
    private static readonly JsonEncodedText TokenKey = JsonEncodedText.Encode("token");

    /// <summary>Writes the <c>[name, payload]</c> entry of the diff's event list.</summary>
    public void WriteEvent(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(SnapshotService.ClientEventName);
        writer.WriteStartObject();
        writer.WriteString(ViewKey, ViewId);
        writer.WriteString(TokenKey, Token);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
