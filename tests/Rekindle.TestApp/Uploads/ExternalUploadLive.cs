using System.Text.Json.Nodes;
using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// An external auto upload to the <see cref="ObjectStore"/> through the <c>TestStore</c> client uploader of
/// <see cref="TestScript"/>. The file's name picks the case: <c>fail*</c> goes to a key the store
/// answers with 500, <c>slow*</c> to one it holds open, <c>refuse*</c> is refused by the presign
/// callback and <c>throw*</c> makes it throw.
/// </summary>
public sealed class ExternalUploadLive : LiveView
{
    private readonly List<(string Name, string Key)> _saved = [];
    private int _pings;

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("doc", maxEntries: 2, maxFileSize: 2_000_000, autoUpload: true, external: Presign);
        return ValueTask.CompletedTask;
    }

    private static ExternalUpload Presign(UploadEntry entry)
    {
        if (entry.ClientName.StartsWith("refuse", StringComparison.Ordinal))
        {
            return ExternalUpload.Refuse("quota_exceeded");
        }
        if (entry.ClientName.StartsWith("throw", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The test presign callback throws for throw* files.");
        }
        var key = (entry.ClientName.StartsWith("fail", StringComparison.Ordinal) ? "fail-" : entry.ClientName.StartsWith("slow", StringComparison.Ordinal) ? "hold-" : "") + entry.Uuid;
        return ExternalUpload.To("TestStore", new JsonObject { ["url"] = $"{ObjectStore.Path}/{key}", ["key"] = key });
    }

    public override Rendered Render()
    {
        var doc = Uploads["doc"];
        return Html($"""
            <form id="external-form" phx-change="validate" phx-submit="save">
              {LiveFileInput(doc)}
              {Each(doc.Entries, entry => entry.Ref, entry => Html($"""
                <div class="entry" data-done="{(entry.IsDone ? "yes" : "no")}" data-key="{(string?)entry.ExternalMeta?["key"]}">
                  <span class="name">{entry.ClientName}</span> <span class="progress">{entry.Progress}</span>
                  <span class="error">{string.Join(",", UploadErrors(doc, entry))}</span>
                  <button type="button" class="cancel" phx-click="cancel" phx-value-ref="{entry.Ref}">Cancel</button>
                </div>
                """))}
              <button id="save" type="submit">Save</button>
            </form>
            <ul id="saved">{Each(_saved, file => Html($"""<li>{file.Name} {file.Key}</li>"""))}</ul>
            <button id="ping" phx-click="ping">Ping</button> <span id="pings">{_pings}</span>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "save":
                _saved.AddRange(ConsumeExternalEntries("doc", (meta, entry) => (entry.ClientName, (string)meta["key"]!)));
                break;
            case "cancel":
                CancelUpload("doc", payload.GetString("ref") ?? "");
                break;
            case "ping":
                _pings++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
