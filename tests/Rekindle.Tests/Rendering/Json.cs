using System.Buffers;
using System.Text;
using System.Text.Json;
using Rekindle.Rendering;

namespace Rekindle.Tests.Rendering;

/// <summary>Runs the server's writers into strings, as the runtime does into frames.</summary>
internal static class Json
{
    public static string Full(Rendered rendered) => Write(writer =>
    {
        writer.WriteStartObject();
        TreeWriter.WriteNodeBody(writer, rendered, root: false);
        writer.WriteEndObject();
    });

    public static string Diff(Rendered? held, Rendered next) => Write(writer =>
    {
        writer.WriteStartObject();
        var output = new LazyObjectWriter();
        output.Reset(writer);
        DiffWriter.WriteRoot(output, held, next);
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
