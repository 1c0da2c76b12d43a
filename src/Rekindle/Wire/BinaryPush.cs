using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Rekindle.Wire;

/// <summary>
/// A binary client push (docs/protocol.md §1.6): byte 0 is the kind (0 = push), bytes 1–4 the
/// lengths of join_ref, ref, topic and event, then those four UTF-8 strings, then the raw payload.
/// Only upload chunks travel this way. <see cref="Payload"/> points into the receive buffer and is
/// valid until the next frame is read.
/// </summary>
internal readonly record struct BinaryPush(string JoinRef, string Ref, string Topic, string Event, ReadOnlyMemory<byte> Payload)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(ReadOnlyMemory<byte> frame, out BinaryPush push, [NotNullWhen(false)] out string? error)
    {
        push = default;
        var span = frame.Span;
        if (span.Length < 5 || span[0] != 0)
        {
            error = "a binary frame must be a push (kind 0) with a five-byte header";
            return false;
        }
        var offset = 5;
        var fields = new string[4];
        for (var i = 0; i < 4; i++)
        {
            var length = span[1 + i];
            if (offset + length > span.Length)
            {
                error = "a binary frame is shorter than its header says";
                return false;
            }
            try
            {
                fields[i] = StrictUtf8.GetString(span.Slice(offset, length));
            }
            catch (DecoderFallbackException)
            {
                error = "a binary frame header is not valid UTF-8";
                return false;
            }
            offset += length;
        }
        push = new BinaryPush(fields[0], fields[1], fields[2], fields[3], frame[offset..]);
        error = null;
        return true;
    }
}
