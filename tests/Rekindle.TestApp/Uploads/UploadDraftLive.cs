using System.Security.Cryptography;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// A title and one file, as a user fills them in before saving. A dropped socket ends the view and
/// with it the half-written temp file; the title comes back by form recovery, Rekindle's client puts
/// the file back into the input (the entry then says it restarted), and the names of the files chosen
/// but not yet saved are <see cref="RecoverableAttribute">[Recoverable]</see>, so the page asks for a
/// file again when the browser could not put it back, instead of silently forgetting it.
/// </summary>
public class UploadDraftLive : LiveView
{
    private readonly List<(string Name, long Bytes, string Sha256)> _saved = [];
    private string _title = "";

    /// <summary>Files chosen and not yet saved, by name, so that a rejoin can tell which went missing.</summary>
    [Recoverable]
    public List<string> Chosen { get; set; } = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("doc", maxEntries: 1, maxFileSize: 2_000_000, autoUpload: AutoUpload);
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the file uploads as soon as it is chosen rather than on save.</summary>
    protected virtual bool AutoUpload => false;

    public override Rendered Render()
    {
        var doc = Uploads["doc"];
        var missing = Chosen.Where(name => !doc.Entries.Any(entry => entry.ClientName == name)).ToList();
        return Html($"""
            <form id="draft-form" phx-change="validate" phx-submit="save">
              <input id="title" name="title" value="{_title}">
              {LiveFileInput(doc)}
              {Each(doc.Entries, entry => entry.Ref, entry => Html($"""<div class="entry" data-done="{(entry.IsDone ? "yes" : "no")}"><span class="name">{entry.ClientName}</span> <span class="progress">{entry.Progress}</span> <span class="restarted">{(entry.IsRestarted ? "restarted after the connection dropped" : "")}</span></div>"""))}
              <p id="interrupted">{(missing.Count == 0 ? "" : $"The upload of {string.Join(", ", missing)} was interrupted: choose it again.")}</p>
              <button id="save" type="submit">Save</button>
            </form>
            <ul id="saved">{Each(_saved, file => Html($"""<li data-sha256="{file.Sha256}">{file.Name} {file.Bytes}</li>"""))}</ul>
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
                _saved.AddRange(ConsumeUploadedEntries("doc", (path, entry) =>
                    (entry.ClientName, new FileInfo(path).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))))));
                Chosen = [];
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
