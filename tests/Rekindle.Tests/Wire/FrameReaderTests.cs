using System.Text;
using Rekindle.Wire;

namespace Rekindle.Tests.Wire;

public sealed class FrameReaderTests
{
    [Fact]
    public void TryRead_JoinFrame_KeepsRefsAsStrings()
    {
        var ok = FrameReader.TryRead(Encoding.UTF8.GetBytes("""["4","4","lv:phx-A","phx_join",{"url":"x"}]"""), out var frame, out var error);

        Assert.True(ok, error);
        Assert.Equal(("4", "4", "lv:phx-A", "phx_join"), (frame.JoinRef, frame.Ref, frame.Topic, frame.Event));
        Assert.Equal("x", frame.Payload.GetProperty("url").GetString());
    }

    [Fact]
    public void TryRead_NullRefs_AreAccepted()
    {
        Assert.True(FrameReader.TryRead(Encoding.UTF8.GetBytes("""[null,null,"phoenix","heartbeat",{}]"""), out var frame, out _));
        Assert.Null(frame.JoinRef);
        Assert.Null(frame.Ref);
    }

    [Theory]
    [InlineData("", "malformed JSON")]
    [InlineData("{}", "must be a JSON array")]
    [InlineData("[]", "exactly five elements")]
    [InlineData("""[1,"1","t","e",{}]""", "strings or null")]
    [InlineData("""["1","1",3,"e",{}]""", "topic must be a string")]
    [InlineData("""["1","1","t",null,{}]""", "event must be a string")]
    [InlineData("""["1","1","t","e","payload"]""", "payload (fifth element) must be a JSON object")]
    [InlineData("""["1","1","t","e",{},1]""", "exactly five elements")]
    [InlineData("""["1","1","t","e",{}] x""", "malformed JSON")]
    [InlineData("""["1","1","t","e",{"a":""", "malformed JSON")]
    public void TryRead_BadFrames_AreRefusedWithAReason(string text, string reason)
    {
        Assert.False(FrameReader.TryRead(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void TryRead_InvalidUtf8_IsRefused()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("[\"1\",\"1\",\"t\",\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",{}]")];

        Assert.False(FrameReader.TryRead(bytes, out _, out var error));
        Assert.Contains("not valid UTF-8", error);
    }

    [Fact]
    public void TryRead_LoneSurrogateEscape_IsRefused()
    {
        // Regression: found by FrameFuzzTests; GetString on such a payload string threw inside the view.
        Assert.False(FrameReader.TryRead(Encoding.UTF8.GetBytes("""["1","1","t","event",{"event":"\ud800"}]"""), out _, out var error));
        Assert.Contains("invalid escape", error);
    }

    [Fact]
    public void TryRead_DeepNesting_IsRefused()
    {
        var deep = new string('[', 200) + new string(']', 200);

        Assert.False(FrameReader.TryRead(Encoding.UTF8.GetBytes($"""["1","1","t","e",{"{"}"a":{deep}{"}"}]"""), out _, out var error));
        Assert.Contains("malformed JSON", error);
    }
}
