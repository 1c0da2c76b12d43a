using System.Text;
using Rekindle.Fuzz;

namespace Rekindle.Tests.Transport;

/// <summary>
/// The afl++ fuzz target (fuzz/Rekindle.Fuzz, run by fuzz/run.sh) on its seed corpus (real client
/// frames) and on every input a fuzzing run found a bug with (fuzz/regressions/): each goes through
/// the frame parsers and a real view process, which must answer with well-formed frames.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fuzz");

    /// <summary>Paths relative to the copied fuzz folder: corpus/NAME and regressions/NAME.</summary>
    public static TheoryData<string> Inputs() => new(Files());

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(Folder, file)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_GoesThroughTheFramePathAndAView_WithoutAFinding(string name)
    {
        FrameTarget.Run(File.ReadAllBytes(Path.Combine(Folder, name)));
    }

    [Fact]
    public void Corpus_CoversEveryKindOfClientPush()
    {
        var events = Files().Select(name => File.ReadAllText(Path.Combine(Folder, name))).ToList();

        foreach (var kind in (string[])["\"phx_join\"", "\"heartbeat\"", "\"phx_leave\"", "\"event\"", "\"live_patch\"", "\"cids_will_destroy\"", "\"cids_destroyed\"", "\"type\":\"form\"", "\"cid\":"])
        {
            Assert.Contains(events, frame => frame.Contains(kind, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("""["1",null,"lv:phx-x","phx_error",{}]""")]
    [InlineData("""["1","2","lv:phx-x","phx_reply",{"status":"error","response":{"reason":"join crashed"}}]""")]
    [InlineData("""["1","2","lv:phx-x","phx_reply"]""")]
    public void CheckFrame_CrashOrMalformedFrame_IsAFinding(string frame)
    {
        Assert.Throws<FuzzFailureException>(() => ViewHarness.CheckFrame(Encoding.UTF8.GetBytes(frame)));
    }

    [Fact]
    public void CheckFrame_OrdinaryReply_IsNoFinding()
    {
        ViewHarness.CheckFrame("""["1","2","lv:phx-x","phx_reply",{"status":"error","response":{"reason":"stale"}}]"""u8.ToArray());
    }
}
