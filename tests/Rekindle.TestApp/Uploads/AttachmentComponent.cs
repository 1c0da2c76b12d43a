using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>A component that owns its upload: it allows it, its form targets it, and it consumes the entries.</summary>
public sealed class AttachmentComponent : LiveComponent
{
    private readonly List<(string Name, long Bytes)> _saved = [];

    public override ValueTask MountAsync()
    {
        AllowUpload("attachment", accept: ".bin", maxEntries: 1, maxFileSize: 1_000_000);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var attachment = Uploads["attachment"];
        return Html($"""
            <form id="attachment-form" phx-change="validate" phx-submit="save" phx-target="{Myself}">
              {LiveFileInput(attachment)}
              {Each(attachment.Entries, entry => entry.Ref, entry => Html($"""<div class="entry"><span class="name">{entry.ClientName}</span> <span class="progress">{entry.Progress}</span> <span class="errors">{string.Join(" ", UploadErrors(attachment, entry))}</span></div>"""))}
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
                _saved.AddRange(ConsumeUploadedEntries("attachment", (path, entry) => (entry.ClientName, new FileInfo(path).Length)));
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
