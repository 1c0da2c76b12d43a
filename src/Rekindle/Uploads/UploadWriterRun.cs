using Microsoft.Extensions.Logging;

namespace Rekindle.Uploads;

/// <summary>
/// Drives one entry's custom <see cref="IUploadWriter"/>: one call at a time, and
/// <see cref="IUploadWriter.CloseAsync"/> exactly once, whoever ends the entry. Chunks come from the
/// socket while the view cancels and the socket drops from elsewhere, so the state takes a lock; a
/// cancel that lands during a call is carried out by that call when it returns. A writer that throws
/// fails its entry as <c>exception</c>: it is user code, and it ends neither the socket nor the view.
/// </summary>
internal sealed partial class UploadWriterRun(IUploadWriter writer, ILogger logger)
{
    public const string ExceptionReason = "exception";

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cancel = new();
    private bool _busy;
    private bool _closed;
    private bool _cancelled;
    private bool _opened;

    public IUploadWriter Writer => writer;

    /// <summary>Opens the writer; null, or the entry's failure reason (the writer is then closed with it).</summary>
    public ValueTask<string?> OpenAsync() => CallAsync(token => writer.OpenAsync(token), last: false);

    /// <summary>Writes one chunk and, after the <paramref name="last"/> one, closes the writer as done; null, or the failure reason.</summary>
    public ValueTask<string?> WriteAsync(ReadOnlyMemory<byte> chunk, bool last) => CallAsync(token => writer.WriteChunkAsync(chunk, token), last);

    /// <summary>The entry ended unfinished: closes the writer with cancel now, or when the call in flight returns; a writer never opened is not closed.</summary>
    public void Cancel()
    {
        bool opened;
        lock (_lock)
        {
            if (_cancelled)
            {
                return;
            }
            _cancelled = true;
            if (_busy || _closed)
            {
                CancelToken();
                return;
            }
            _closed = true;
            opened = _opened;
        }
        CancelToken();
        if (opened)
        {
            _ = CloseAsync(UploadCloseReason.Cancel);
        }
    }

    private async ValueTask<string?> CallAsync(Func<CancellationToken, ValueTask<UploadWriteResult>> call, bool last)
    {
        lock (_lock)
        {
            if (_busy || _closed || _cancelled)
            {
                return null;
            }
            _busy = true;
            _opened = true;
        }
        string? error;
        try
        {
            error = (await call(_cancel.Token)).Error;
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            error = null;
        }
        catch (Exception exception)
        {
            Log.WriterThrew(logger, exception, writer.GetType().Name);
            error = ExceptionReason;
        }
        UploadCloseReason? close;
        lock (_lock)
        {
            _busy = false;
            close = _closed ? null
                : _cancelled ? UploadCloseReason.Cancel
                : error is not null ? UploadCloseReason.Failed(error)
                : last ? UploadCloseReason.Done
                : null;
            _closed |= close is not null;
        }
        if (close is not null && await CloseAsync(close) is { } closeError)
        {
            // A failed close as done fails the entry; after an error the first reason stays.
            error ??= closeError;
        }
        return _cancelled ? null : error;
    }

    /// <summary>Closes the writer; null, or its failure (<see cref="ExceptionReason"/> when it threw, logged).</summary>
    private async ValueTask<string?> CloseAsync(UploadCloseReason reason)
    {
        try
        {
            return (await writer.CloseAsync(reason, _cancel.Token)).Error;
        }
        catch (Exception exception)
        {
            Log.WriterThrew(logger, exception, writer.GetType().Name);
            return ExceptionReason;
        }
    }

    private void CancelToken()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (AggregateException exception)
        {
            Log.WriterThrew(logger, exception, writer.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1808, LogLevel.Error, "Upload writer {Writer} threw; its entry fails with writer_failure: exception.", EventName = nameof(WriterThrew))]
        public static partial void WriterThrew(ILogger logger, Exception exception, string writer);
    }
}
