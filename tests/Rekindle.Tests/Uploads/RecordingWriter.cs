using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

/// <summary>
/// A custom upload writer for the tests: records its calls, fails a chunk reading <c>error</c>, throws on
/// one reading <c>throw</c>, and holds a chunk reading <c>hold</c> until <see cref="Release"/>; its open
/// or its close as done fail when told to.
/// </summary>
internal sealed class RecordingWriter : IUploadWriter
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Calls { get; } = [];

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<UploadCloseReason> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CloseCount { get; private set; }

    public string? FailOpen { get; init; }

    public string? FailDone { get; init; }

    public void Release() => _released.TrySetResult();

    public ValueTask<UploadWriteResult> OpenAsync(CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("open");
        }
        return ValueTask.FromResult(FailOpen is null ? UploadWriteResult.Ok : UploadWriteResult.Fail(FailOpen));
    }

    public async ValueTask<UploadWriteResult> WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var text = System.Text.Encoding.ASCII.GetString(chunk.Span);
        lock (Calls)
        {
            Calls.Add("write " + text);
        }
        switch (text)
        {
            case "error":
                return UploadWriteResult.Fail("invalid_pdf");
            case "throw":
                throw new InvalidOperationException("the writer broke");
            case "hold":
                Holding.TrySetResult();
                await _released.Task;
                return UploadWriteResult.Ok;
            default:
                return UploadWriteResult.Ok;
        }
    }

    public ValueTask<UploadWriteResult> CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("close " + reason);
            CloseCount++;
        }
        Closed.TrySetResult(reason);
        return ValueTask.FromResult(reason.Kind == UploadCloseKind.Done && FailDone is not null ? UploadWriteResult.Fail(FailDone) : UploadWriteResult.Ok);
    }
}
