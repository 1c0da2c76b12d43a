using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3391: a one-file auto upload of <c>.txt</c>. A refused file must not lock the
/// form on submit; after cancelling it, a valid file uploads, is consumed by the upload's progress
/// callback when done (as upstream), and the submit goes through.
/// </summary>
public sealed class Issue3391Live : LiveView
{
    private bool _submitted;
    private bool _consumed;

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("document", accept: ".txt", maxEntries: 1, autoUpload: true, progress: ConsumeWhenDone);
        return ValueTask.CompletedTask;
    }

    private ValueTask ConsumeWhenDone(Rekindle.Uploads.UploadEntry entry)
    {
        if (entry.IsDone)
        {
            _consumed = ConsumeUploadedEntry(entry, (_, done) => done.ClientName).Length > 0;
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var document = Uploads["document"];
        return Html($"""
            <main>
              <form id="upload-form" phx-change="validate" phx-submit="submit">
                {LiveFileInput(document)}
                <button type="submit">Submit</button>
                {Each(document.Entries, entry => entry.Ref, entry => Html($"""
                  <article class="upload-entry">
                    <span>{entry.ClientName}: {entry.Progress}%</span>
                    <button type="button" phx-click="cancel" phx-value-ref="{entry.Ref}">Cancel</button>
                    {Each(UploadErrors(document, entry), error => Html($"<p class=\"upload-error\">{error}</p>"))}
                  </article>
                  """))}
              </form>
              <p id="uploaded">uploaded: {(_consumed ? "true" : "false")}</p>
              <p id="submitted">submitted: {(_submitted ? "true" : "false")}</p>
            </main>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "cancel" when payload.GetString("ref") is { } entryRef:
                CancelUpload("document", entryRef);
                break;
            case "submit":
                _submitted = true;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
