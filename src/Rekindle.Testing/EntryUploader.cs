using System.Text.Json;
using AngleSharp.Dom;

namespace Rekindle.Testing;

/// <summary>
/// The client's <c>EntryUploader</c> for one entry (docs/protocol.md §5.7): joins <c>lvu:&lt;ref&gt;</c>
/// with the entry's token once, sends binary <c>chunk</c> pushes of the config's chunk size one at a
/// time, each after the last was acknowledged, and after each one a <c>progress</c> push on the view
/// when the whole-number percentage grew (with the owning component's <c>cid</c>, as the client's
/// <c>pushFileProgress</c>). An external entry only reports its progress.
/// </summary>
internal sealed class EntryUploader(LiveViewTest view, LiveFileInput.Entry entry, IElement input, int? cid)
{
    private string Topic => "lvu:" + entry.Ref;

    public async Task SendAsync(int percent, CancellationToken cancellationToken)
    {
        if (entry.External)
        {
            // The bytes of an external entry go to the store, not to the server: only the progress the
            // client uploader reports reaches the view.
            await ReportAsync(percent, cancellationToken);
            return;
        }
        var connection = view.Connection;
        if (entry.ChannelJoinRef is null)
        {
            var joinRef = connection.NextRef();
            await ReplyAsync((onReply, onFailure) => connection.Push(joinRef, joinRef, Topic, Wire.ProtocolNames.Join, new Dictionary<string, object?> { ["token"] = entry.Token }, onReply, onFailure), "join", cancellationToken);
            entry.ChannelJoinRef = joinRef;
        }
        var size = entry.File.Content.Length;
        var goal = (int)((long)size * percent / 100);
        while (entry.Sent < goal)
        {
            var length = Math.Min(entry.ChunkSize, goal - entry.Sent);
            var offset = entry.Sent;
            await ReplyAsync((onReply, onFailure) => connection.PushBinary(entry.ChannelJoinRef, connection.NextRef(), Topic, "chunk", entry.File.Content.AsSpan(offset, length), onReply, onFailure), "chunk", cancellationToken);
            entry.Sent += length;
            await ReportAsync(size == 0 ? 100 : (int)((long)entry.Sent * 100 / size), cancellationToken);
        }
        if (size == 0 && percent == 100)
        {
            await ReportAsync(100, cancellationToken);
        }
    }

    private async Task ReportAsync(int progress, CancellationToken cancellationToken)
    {
        if (progress <= entry.Progress)
        {
            return;
        }
        entry.Progress = progress;
        var payload = new Dictionary<string, object?>
        {
            ["event"] = input.GetAttribute("phx-progress"),
            ["ref"] = input.GetAttribute("data-phx-upload-ref"),
            ["entry_ref"] = entry.Ref,
            ["progress"] = progress,
        };
        if (cid is not null)
        {
            payload["cid"] = cid;
        }
        await view.PushForResponseAsync("progress", payload, $"progress {progress} of '{entry.File.Name}'", cancellationToken);
    }

    private async Task ReplyAsync(Action<Action<JsonElement>, Action<Exception>> send, string what, CancellationToken cancellationToken)
    {
        var replied = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        send(reply => replied.TrySetResult(reply.Clone()), failure => replied.TrySetException(failure));
        JsonElement reply;
        try
        {
            reply = await replied.Task.WaitAsync(view.ReplyTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new LiveViewTestException($"No reply to the {what} of '{entry.File.Name}' on {Topic} within {view.ReplyTimeout.TotalSeconds} s.");
        }
        if (reply.GetProperty("status").GetString() != "ok")
        {
            throw new LiveViewTestException($"The server refused the {what} of '{entry.File.Name}' on {Topic}: {reply.GetProperty("response").GetRawText()}");
        }
    }
}
