using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 2835: an auto upload of at most two documents in <see cref="MaxEntriesMode.Total"/>
/// mode, each consumed by the progress callback as it finishes. The files consumed keep counting, so a
/// third and a fourth file stay pending with <c>too_many_files</c>.
/// </summary>
public sealed class Issue2835Live : LiveView
{
    private readonly List<string> _uploaded = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("documents", maxEntries: 2, autoUpload: true, progress: ConsumeWhenDone, maxEntriesMode: MaxEntriesMode.Total);
        return ValueTask.CompletedTask;
    }

    private ValueTask ConsumeWhenDone(UploadEntry entry)
    {
        if (entry.IsDone)
        {
            _uploaded.Add(ConsumeUploadedEntry(entry, (_, done) => done.ClientName));
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var documents = Uploads["documents"];
        return Html($"""
            <form id="upload-form" phx-change="validate">
              {LiveFileInput(documents)}
              {Each(documents.Entries, entry => entry.Ref, entry => Html($"""<article class="upload-entry" data-name="{entry.ClientName}">{entry.ClientName}: {entry.Progress}%</article>"""))}
              {Each(UploadErrors(documents), error => Html($"""<p class="upload-error">{error}</p>"""))}
            </form>
            <ul id="uploaded-files">{Each(_uploaded, name => Html($"<li>{name}</li>"))}</ul>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name == "validate" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);
}
