using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// A title and one file, as a user fills them in before saving. A dropped socket ends the view and
/// with it the half-written temp file, and the stock client starts its uploads over with an empty
/// file input; the title comes back by form recovery, and the names of the files chosen but not yet
/// saved are <see cref="RecoverableAttribute">[Recoverable]</see>, so the page asks for those files again
/// instead of silently forgetting them.
/// </summary>
public sealed class UploadDraftLive : LiveView
{
    private readonly List<(string Name, long Bytes)> _saved = [];
    private string _title = "";

    /// <summary>Files chosen and not yet saved, by name, so that a rejoin can tell which went missing.</summary>
    [Recoverable]
    public List<string> Chosen { get; set; } = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("doc", maxEntries: 1, maxFileSize: 2_000_000);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var doc = Uploads["doc"];
        var missing = Chosen.Where(name => !doc.Entries.Any(entry => entry.ClientName == name)).ToList();
        return Html($"""
            <form id="draft-form" phx-change="validate" phx-submit="save">
              <input id="title" name="title" value="{_title}">
              {LiveFileInput(doc)}
              {Each(doc.Entries, entry => entry.Ref, entry => Html($"""<div class="entry"><span class="name">{entry.ClientName}</span> <span class="progress">{entry.Progress}</span></div>"""))}
              <p id="interrupted">{(missing.Count == 0 ? "" : $"The upload of {string.Join(", ", missing)} was interrupted: choose it again.")}</p>
              <button id="save" type="submit">Save</button>
            </form>
            <ul id="saved">{Each(_saved, file => Html($"""<li>{file.Name} {file.Bytes}</li>"""))}</ul>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                _title = payload.GetString("title") ?? "";
                // Only ever adds: the form recovery after a rejoin comes with no files at all.
                Chosen = [.. Chosen.Union(Uploads["doc"].Entries.Select(entry => entry.ClientName))];
                break;
            case "save":
                _saved.AddRange(ConsumeUploadedEntries("doc", (path, entry) => (entry.ClientName, new FileInfo(path).Length)));
                Chosen = [];
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
