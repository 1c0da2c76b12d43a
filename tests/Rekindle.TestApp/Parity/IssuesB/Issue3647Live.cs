using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3647: an auto upload whose file input sits in one form but belongs to another
/// (<c>form="auto-form"</c>); a hook (<c>Issue3647Upload</c>) starts an upload and at once changes a
/// field of the first form, so that form is locked by its own change while the upload starts. As
/// upstream, each file is consumed and listed by the upload's progress callback once it is done.
/// </summary>
public sealed class Issue3647Live : LiveView
{
    private readonly List<string> _uploaded = [];
    private string _name = "";

    public override ValueTask MountAsync(MountContext context)
    {
        AllowUpload("avatar", accept: ".txt,.md", maxEntries: 2, autoUpload: true, progress: ConsumeWhenDone);
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

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate-user":
                _name = payload.Form?["user[name]"] ?? "";
                return ValueTask.CompletedTask;
            case "validate":
                return ValueTask.CompletedTask;
            case "cancel-upload" when payload.GetString("ref") is { } entryRef:
                CancelUpload("avatar", entryRef);
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    private UploadConfig Avatar => Uploads["avatar"];

    public override Rendered Render() => Html($"""
        <form id="user-form" phx-change="validate-user">
          <input id="user_name" name="user[name]" value="{_name}" type="text">
          <button id="x" type="button" phx-hook="Issue3647Upload">Upload then Input</button>
          <button id="y" type="button" phx-hook="Issue3647Upload" data-before>Input then Upload</button>
          {LiveFileInput(Avatar, Attr("form", "auto-form"))}
        </form>
        <form id="auto-form" phx-change="validate"></form>
        <section class="pending-uploads" phx-drop-target="{Avatar.Ref}">
          <h3>Pending Uploads ({Avatar.Entries.Count})</h3>
          {Each(Avatar.Entries, entry => entry.Ref, entry => Html($"""<div><progress value="{entry.Progress}" max="100">{entry.Progress}%</progress> {entry.Uuid} <a href="#" phx-click="cancel-upload" phx-value-ref="{entry.Ref}">Cancel Upload</a></div>"""))}
        </section>
        <ul>{Each(_uploaded, file => Html($"<li>{file}</li>"))}</ul>
        """);
}
