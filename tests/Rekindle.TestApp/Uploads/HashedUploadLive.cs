using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>An upload into <see cref="Sha256Writer"/>s (chunks of 1,000 bytes): the submit lists each file with its hash, from the writer the consume hands over.</summary>
public sealed class HashedUploadLive : LiveView
{
    private readonly List<string> _hashes = [];

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("docs", maxEntries: 2, chunkSize: 1_000, writer: _ => new Sha256Writer());
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name == "save")
        {
            _hashes.AddRange(ConsumeUploadedEntries("docs", (Sha256Writer writer, UploadEntry entry) => $"{entry.ClientName} {writer.Hex}"));
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <form id="hash-form" phx-change="validate" phx-submit="save">
          {LiveFileInput(Uploads["docs"])}
          <button type="submit">Save</button>
        </form>
        <ul>{Each(_hashes, hash => Html($"<li class=\"hash\">{hash}</li>"))}</ul>
        """);
}
