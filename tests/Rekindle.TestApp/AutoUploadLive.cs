using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>An auto upload: each chosen file goes at once, its progress shown; the submit only lists what arrived.</summary>
public sealed class AutoUploadLive : LiveView
{
    private readonly List<(string Name, long Bytes)> _saved = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("photo", maxEntries: 2, maxFileSize: 2_000_000, autoUpload: true);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var photo = Uploads["photo"];
        return Html($"""
            <form id="auto-form" phx-change="validate" phx-submit="save">
              {LiveFileInput(photo)}
              {Each(photo.Entries, entry => entry.Ref, entry => Html($"""
                <div class="entry" data-done="{(entry.IsDone ? "yes" : "no")}">
                  <span class="name">{entry.ClientName}</span> <progress class="bar" value="{entry.Progress}" max="100"></progress><span class="progress">{entry.Progress}</span>
                </div>
                """))}
              <button id="save" type="submit">Save</button>
              <ul id="saved">{Each(_saved, file => Html($"""<li>{file.Name} {file.Bytes}</li>"""))}</ul>
            </form>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "save":
                _saved.AddRange(ConsumeUploadedEntries("photo", (path, entry) => (entry.ClientName, new FileInfo(path).Length)));
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
