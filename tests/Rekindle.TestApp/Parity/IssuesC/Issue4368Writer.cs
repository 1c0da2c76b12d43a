using Rekindle.Uploads;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>
/// The custom writer of <see cref="Issue4368Live"/>, as upstream's: keeps nothing but the file's name; a
/// chunk reading <c>error</c> fails the entry with <c>invalid_pdf</c>, a chunk reading <c>delay</c> takes
/// 500 ms (so a submit can be clicked while the upload runs).
/// </summary>
public sealed class Issue4368Writer(string name, TimeProvider time) : IUploadWriter
{
    public string Name { get; } = name;

    public async ValueTask<UploadWriteResult> WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        switch (System.Text.Encoding.ASCII.GetString(chunk.Span))
        {
            case "error":
                return UploadWriteResult.Fail("invalid_pdf");
            case "delay":
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                return UploadWriteResult.Ok;
            default:
                return UploadWriteResult.Ok;
        }
    }

    public ValueTask<UploadWriteResult> CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken) => ValueTask.FromResult(UploadWriteResult.Ok);
}
