using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// Uploads: up to two .bin or .txt files of at most 1 MB, each shown with its progress and errors,
/// cancellable; the submit moves them into the data folder's <c>uploaded</c> folder and lists them.
/// </summary>
public sealed class UploadLive(IHostEnvironment environment, IOptions<RekindleOptions> options) : LiveView
{
    public const long MaxFileSize = 1_000_000;

    private readonly string _store = Path.Combine(environment.ContentRootPath, options.Value.DataPath, "uploaded");
    private readonly List<(string Name, string Path, int Progress)> _saved = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("doc", accept: ".bin,.txt", maxEntries: 2, maxFileSize: MaxFileSize);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var doc = Uploads["doc"];
        return Html($"""
            <section>
              <form id="upload-form" phx-change="validate" phx-submit="save">
                {LiveFileInput(doc, Attr("class", "doc-picker"), Attr("data-kind", "documents"))}
                {Each(doc.Entries, entry => entry.Ref, entry => Html($"""
                  <div id="entry-{entry.Ref}" class="entry">
                    <span class="name">{entry.ClientName}</span>
                    <span class="progress">{entry.Progress}</span>
                    <span class="preflighted">{(entry.IsPreflighted ? "preflighted" : "waiting")}</span>
                    <span class="errors">{string.Join(" ", UploadErrors(doc, entry))}</span>
                    <button type="button" class="cancel" phx-click="cancel" phx-value-ref="{entry.Ref}">cancel</button>
                  </div>
                  """))}
                <p id="upload-errors">{string.Join(" ", UploadErrors(doc))}</p>
                <button id="save" type="submit">Save</button>
              </form>
              <ul id="saved">{Each(_saved, file => Html($"""<li class="saved" data-path="{file.Path}">{file.Name} {file.Progress}</li>"""))}</ul>
            </section>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "cancel":
                CancelUpload("doc", payload.GetString("ref") ?? "");
                break;
            case "save":
                Directory.CreateDirectory(_store);
                _saved.AddRange(ConsumeUploadedEntries("doc", (path, entry) =>
                {
                    var destination = Path.Combine(_store, entry.Uuid);
                    File.Move(path, destination);
                    return (entry.ClientName, destination, entry.Progress);
                }));
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
