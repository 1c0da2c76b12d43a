using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// A component that owns an auto upload into <see cref="Sha256Writer"/>s (chunks of 4 bytes) and consumes
/// each entry in its progress callback; a writer failing a file named <c>bad.bin</c>
/// (<see cref="RefusingWriter"/>) shows <c>writer_failure: refused</c> on that entry.
/// </summary>
public sealed class HashedUploadComponent : LiveComponent
{
    private readonly List<string> _hashes = [];

    public override ValueTask MountAsync()
    {
        AllowUpload("files", maxEntries: 2, autoUpload: true, chunkSize: 4, progress: ConsumeWhenDone,
            writer: entry => entry.ClientName == "bad.bin" ? new RefusingWriter() : new Sha256Writer());
        return ValueTask.CompletedTask;
    }

    private ValueTask ConsumeWhenDone(UploadEntry entry)
    {
        if (entry.IsDone)
        {
            _hashes.Add(ConsumeUploadedEntry(entry, (Sha256Writer writer, UploadEntry done) => $"{done.ClientName} {writer.Hex}"));
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name == "validate" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);

    public override Rendered Render()
    {
        var files = Uploads["files"];
        return Html($"""
            <form id="hashed-form" phx-change="validate" phx-target="{Myself}">
              {LiveFileInput(files)}
              {Each(files.Entries, entry => entry.Ref, entry => Html($"""<div class="entry" data-name="{entry.ClientName}">{string.Join(" ", UploadErrors(files, entry))}</div>"""))}
              <ul>{Each(_hashes, hash => Html($"<li class=\"hash\">{hash}</li>"))}</ul>
            </form>
            """);
    }
}
