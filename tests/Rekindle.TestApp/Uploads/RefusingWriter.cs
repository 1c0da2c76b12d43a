using Rekindle.Uploads;

namespace Rekindle.TestApp.Uploads;

/// <summary>A custom upload writer that fails the first chunk with <c>refused</c>.</summary>
public sealed class RefusingWriter : IUploadWriter
{
    public ValueTask<UploadWriteResult> WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
        ValueTask.FromResult(UploadWriteResult.Fail("refused"));

    public ValueTask<UploadWriteResult> CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken) => ValueTask.FromResult(UploadWriteResult.Ok);
}
