using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3319: an upload of up to two files whose input is <c>required</c>; submitting
/// with two chosen files uploads and consumes both.
/// </summary>
public sealed class Issue3319Live : LiveView
{
    private List<string> _submitted = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("documents", maxEntries: 2);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var documents = Uploads["documents"];
        return Html($"""
            <main>
              <form id="upload-form" phx-change="validate" phx-submit="submit">
                {LiveFileInput(documents, Attr("required", true))}
                <button type="submit">Submit</button>
                {Each(documents.Entries, entry => entry.Ref, entry => Html($"<p class=\"upload-entry\">{entry.ClientName}</p>"))}
              </form>
              <p id="submitted">{string.Join(",", _submitted)}</p>
            </main>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "submit":
                _submitted = ConsumeUploadedEntries("documents", (_, entry) => entry.ClientName);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
