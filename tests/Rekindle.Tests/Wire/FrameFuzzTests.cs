using System.Text;
using System.Text.Json;
using CsCheck;
using Rekindle.Runtime;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Tests.Wire;

/// <summary>
/// Generated hostile input against the parsing path every client frame takes (frame reader, event
/// payload parser, form decoder): it may refuse, it must never throw. REKINDLE_FUZZ_ITERATIONS
/// raises the count for long runs (CI runs 50,000).
/// </summary>
public sealed class FrameFuzzTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("REKINDLE_FUZZ_ITERATIONS"), out var n) ? n : 50_000;

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("null"), Gen.Const("true"), Gen.Const("1e400"), Gen.Const("-0"), Gen.Const("123456789012345678901234567890"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.Const("\"\\ud800\""), Gen.Const("[]"), Gen.Const("{}"));

    private static readonly Gen<string> Nested = Gen.Int[0, 300].Select(depth => new string('[', depth) + new string(']', depth));

    private static readonly Gen<string> FormValue = Gen.Int[0, 3000].SelectMany(count =>
        Gen.String[0, 8].Array[count].Select(names => string.Join("&", names.Select((name, i) => $"{Uri.EscapeDataString(name)}%5B{i}%5D={i}"))));

    private static readonly Gen<string> Payload = Gen.OneOf(
        Gen.Select(Scalar, Scalar, Scalar, (type, name, value) => $$"""{"type":{{type}},"event":{{name}},"value":{{value}}}"""),
        Gen.Select(Scalar, Gen.Int, (name, cid) => $$"""{"type":"click","event":{{name}},"value":{},"cid":{{cid}}}"""),
        Gen.Select(FormValue, Scalar, (form, target) => "{\"type\":\"form\",\"event\":\"validate\",\"value\":" + JsonSerializer.Serialize(form) + ",\"meta\":{\"_target\":" + target + "}}"),
        Nested.Select(deep => $$"""{"type":"hook","event":"x","value":{{deep}}}"""),
        Gen.Const("""{"type":"form","event":"x","value":"%zz%%%=&&==&a[=b]"}"""));

    private static readonly Gen<string> Frame = Gen.OneOf(
        Gen.Select(Scalar, Scalar, Scalar, Scalar, Payload, (a, b, c, d, payload) => $"[{a},{b},{c},{d},{payload}]"),
        Gen.Select(Scalar, Payload, (topic, payload) => $"[\"1\",\"2\",{topic},\"event\",{payload}]"),
        Gen.Select(Scalar.Array[0, 7], elements => "[" + string.Join(",", elements) + "]"),
        Nested,
        Gen.String);

    private static readonly Gen<byte[]> Bytes = Gen.OneOf(
        Frame.Select(Encoding.UTF8.GetBytes),
        Gen.Byte.Array[0, 64],
        Frame.SelectMany(frame => Gen.Int[0, Math.Max(0, frame.Length - 1)].Select(cut => Encoding.UTF8.GetBytes(frame[..cut]))),
        Frame.Select(frame => Encoding.UTF8.GetBytes(frame).Append((byte)0xFF).ToArray()));

    [Fact]
    public void ParsingPath_OnGeneratedHostileFrames_NeverThrows()
    {
        Bytes.Sample(bytes =>
        {
            if (!FrameReader.TryRead(bytes, out var frame, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                return;
            }
            if (EventPayloadParser.TryParse(frame.Payload, out var name, out var payload, out _))
            {
                Assert.False(string.IsNullOrEmpty(name));
                _ = payload.GetString("value");
                _ = payload.Key;
                _ = payload.Form?.Names.Count();
                _ = payload.Form?.IsUnused("a");
            }
        }, iter: Iterations, threads: 2);
    }

    [Fact]
    public void FormData_ThousandsOfFields_ParseWithoutError()
    {
        var value = string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f%5B{i}%5D={i}"));

        var form = FormData.Parse(value, "f[0]");

        Assert.Equal(5000, form.Names.Count());
        Assert.Equal("4999", form["f[4999]"]);
    }
}
