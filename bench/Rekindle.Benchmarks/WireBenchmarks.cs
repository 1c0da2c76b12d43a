using System.Text;
using BenchmarkDotNet.Attributes;
using Rekindle.Wire;

namespace Rekindle.Benchmarks;

/// <summary>Frame parsing (client → server) and frame writing (server → client).</summary>
[MemoryDiagnoser]
public class WireBenchmarks
{
    private static readonly byte[] ClickFrame = Encoding.UTF8.GetBytes(
        """["4","17","lv:phx-GBsi_6M7paYhySQj","event",{"type":"click","event":"inc","value":{"value":""}}]""");

    private static readonly byte[] FormFrame = Encoding.UTF8.GetBytes(
        """["4","18","lv:phx-GBsi_6M7paYhySQj","event",{"type":"form","event":"submit","value":"ballot-1=Green&ballot-2=L&ballot-3=Wed&comment=hello+anchor","meta":{}}]""");

    private static readonly byte[] JoinFrame = Encoding.UTF8.GetBytes(
        """["4","4","lv:phx-GBsi_6M7paYhySQj","phx_join",{"url":"http://127.0.0.1:5090/counter","params":{"_csrf_token":"CfDJ8JN5coLo-oBOg_uEzgls9CxRd-6sDlP4sMTL_GLZM4ThHzHR4yw4znipzUvtt9Z3uZbgylPg7O3iVYCJCElSufVqpXrxtYjhCaL2GjJpLaho59OyrzZ3jE48TKQzdmz9WUgV2JHszO6iwYf80jxOeE8","_mounts":0,"_mount_attempts":0},"session":"CfDJ8JN5coLo-oBOg_uEzgls9CysUX0nQzT3d-FMcYL4UxSBtCmYXm0fCYEZNuJvs4ilEpjQ_skRdw8e9URoKtNfm6TWJUZ0G8lM8qSGhu4Js6zPmGMOmeNKrfLs9JCLUx4GUawGFXvknf9WPOPAXuydYGsyrHG1L4zqRi_61_hKdSPwhR5UKn7gbMfuQenQguSvD-CaU2e_r3y14ay_7gtWp2zZq6DODvAesGa2O0ALotjoyDKGSpfeHoyfFwinLu89vfyMd860s49EulDQ5R4oC9g-apWydoSkhkjscguVaKKG","static":"CfDJ8JN5coLo-oBOg_uEzgls9CwWTvo7wZMYr_qofFKCUrB2nbzwJUOfsgOaScyX_li9gZZXKSOe6Y-0In_AN5irsim6NtYB9z9IoSm103LZXMMqCwH_EcmliKlA1USdht4wFobgZkqqwL3trJuSF-n9Kwc","sticky":false}]""");

    private static readonly byte[] HeartbeatFrame = Encoding.UTF8.GetBytes("""[null,"42","phoenix","heartbeat",{}]""");

    private readonly FrameWriter _writer = new();

    [Benchmark]
    public bool ParseClick() => FrameReader.TryRead(ClickFrame, out _, out _);

    [Benchmark]
    public bool ParseFormSubmit() => FrameReader.TryRead(FormFrame, out _, out _);

    [Benchmark]
    public bool ParseJoin() => FrameReader.TryRead(JoinFrame, out _, out _);

    [Benchmark]
    public bool ParseHeartbeat() => FrameReader.TryRead(HeartbeatFrame, out _, out _);

    /// <summary>The heartbeat reply: <c>[null,"42","phoenix","phx_reply",{"status":"ok","response":{}}]</c>.</summary>
    [Benchmark]
    public int WriteOkReply() => _writer.OkReply(null, "42", "phoenix").Length;

    /// <summary>A counter click reply with its one-slot diff.</summary>
    [Benchmark]
    public int WriteDiffReply()
    {
        var json = _writer.BeginReply("4", "17", "lv:phx-GBsi_6M7paYhySQj", ok: true);
        json.WriteStartObject("diff");
        json.WriteString("0", "42");
        json.WriteEndObject();
        return _writer.EndReply().Length;
    }
}
