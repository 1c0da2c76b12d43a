using System.Security.Cryptography;

namespace Rekindle.Browser.Tests;

/// <summary>What the upload recovery tests share: a stalled uplink, so a drop always lands mid-upload, and files to upload.</summary>
internal static class UploadFaults
{
    /// <summary>Bytes per test file: 15 chunks of the client's 64,000, so two sent chunks are 14 %.</summary>
    public const int FileSize = 900_000;

    /// <summary>The chunks the page may still send; the next ones are swallowed, as by a stalled uplink. <see cref="Unstall"/> lifts it.</summary>
    public const string StallUploadsAfterTwoChunks = """
        (() => {
          const send = WebSocket.prototype.send;
          window.__chunkBudget = 2;
          WebSocket.prototype.send = function (data) {
            if (typeof data !== 'string' && window.__chunkBudget-- <= 0) return;
            return send.call(this, data);
          };
        })()
        """;

    /// <summary>Lets every further chunk through.</summary>
    public const string Unstall = "() => { window.__chunkBudget = Infinity; }";

    /// <summary>Records the files Rekindle's client reports as restarted or lost, in <c>window.__uploadEvents</c>.</summary>
    public const string RecordUploadEvents = """
        window.__uploadEvents = [];
        for (const type of ['rekindle:upload-restarted', 'rekindle:upload-interrupted']) {
          window.addEventListener(type, ({detail}) => window.__uploadEvents.push(type + ' ' + detail.upload + ' ' + detail.files.join(',')));
        }
        """;

    public static byte[] RandomBytes(int count = FileSize)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string[] TempFiles(string dataPath)
    {
        var folder = Path.Combine(dataPath, "temp");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "upload-*", SearchOption.AllDirectories) : [];
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, float timeout)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeout);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(50);
        }
    }
}
