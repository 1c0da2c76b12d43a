using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>
/// Upstream's issue 4368: an auto upload of 5-byte chunks into a custom writer
/// (<see cref="Issue4368Writer"/>) that fails a chunk reading <c>error</c>. The failed entry stays listed
/// with <c>writer_failure: invalid_pdf</c> until cancelled, the other entry is consumed in the progress
/// callback, and a submit scheduled during the upload is released.
/// </summary>
public sealed class Issue4368Live(TimeProvider time) : LiveView
{
    private readonly List<string> _consumed = [];
    private bool _submitted;

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("documents", autoUpload: true, chunkSize: 5, maxEntries: 2, progress: ConsumeWhenDone, writer: entry => new Issue4368Writer(entry.ClientName, time));
        return ValueTask.CompletedTask;
    }

    private ValueTask ConsumeWhenDone(UploadEntry entry)
    {
        if (entry.IsDone)
        {
            _consumed.Insert(0, ConsumeUploadedEntry(entry, (Issue4368Writer writer, UploadEntry _) => writer.Name));
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                return ValueTask.CompletedTask;
            case "cancel" when payload.GetString("ref") is { } entryRef:
                CancelUpload("documents", entryRef);
                return ValueTask.CompletedTask;
            case "submit":
                _submitted = true;
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    private UploadConfig Documents => Uploads["documents"];

    public override Rendered Render() => Html($"""
        <div id="issue-4368">
          <form id="upload-form" phx-change="validate" phx-submit="submit">
            {LiveFileInput(Documents)}
            <button type="submit">Submit</button>
          </form>
          <p id="submitted">submitted: {(_submitted ? "true" : "false")}</p>
          <p id="consumed">consumed: {string.Join(",", _consumed)}</p>
          {Each(Documents.Entries, entry => entry.Ref, entry => Html($"""
            <article class="upload-entry" data-name="{entry.ClientName}">
              <span>{entry.ClientName}: {entry.Progress}%</span>
              <button type="button" phx-click="cancel" phx-value-ref="{entry.Ref}">Cancel</button>
              {Each(UploadErrors(Documents, entry), error => Html($"<p class=\"upload-error\">{error}</p>"))}
            </article>
            """))}
        </div>
        """);
}
