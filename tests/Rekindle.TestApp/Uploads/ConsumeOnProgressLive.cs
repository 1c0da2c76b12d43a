using System.Security.Cryptography;
using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>
/// Photos saved the moment each one finishes uploading, with no submit: an auto upload whose progress
/// callback consumes each done entry on its own (Phoenix's <c>progress:</c> option and
/// <c>consume_uploaded_entry</c>). The callback also counts its calls, shown in <c>#progress-calls</c>.
/// </summary>
public sealed class ConsumeOnProgressLive : LiveView
{
    private readonly List<(string Name, long Bytes, string Sha256)> _saved = [];
    private int _progressCalls;

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("photos", maxEntries: 3, maxFileSize: 2_000_000, autoUpload: true, progress: SaveWhenDone);
        return ValueTask.CompletedTask;
    }

    private ValueTask SaveWhenDone(UploadEntry entry)
    {
        _progressCalls++;
        if (entry.IsDone)
        {
            _saved.Add(ConsumeUploadedEntry(entry, (path, done) =>
                (done.ClientName, new FileInfo(path).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))))));
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <form id="photos-form" phx-change="validate">
          {LiveFileInput(Uploads["photos"])}
          {Each(Uploads["photos"].Entries, entry => entry.Ref, entry => Html($"""<div class="entry"><span class="name">{entry.ClientName}</span> <span class="progress">{entry.Progress}</span></div>"""))}
        </form>
        <p id="progress-calls">{_progressCalls}</p>
        <ul id="saved">{Each(_saved, file => file.Name, file => Html($"""<li data-sha256="{file.Sha256}">{file.Name} {file.Bytes}</li>"""))}</ul>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name == "validate" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);
}
