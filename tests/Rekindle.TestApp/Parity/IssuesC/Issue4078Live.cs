using Rekindle.Rendering;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4078: a file input whose <c>disabled</c> and <c>class</c> change with the view's state.</summary>
public sealed class Issue4078Live : LiveView
{
    private bool _disabled = true;
    private string _class = "initial-class";
    private UploadConfig _avatar = null!; // set in MountAsync, before any render

    public override ValueTask MountAsync(MountContext context)
    {
        _avatar = AllowUpload("avatar", accept: ".jpg,.jpeg,.png,.txt", maxEntries: 2);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "toggle-disabled":
                _disabled = !_disabled;
                break;
            case "toggle-class":
                _class = _class == "initial-class" ? "updated-class" : "initial-class";
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="upload-form" phx-change="validate">{LiveFileInput(_avatar, Attr("disabled", _disabled), Attr("class", _class))}</form>
          <button id="toggle-disabled" type="button" phx-click="toggle-disabled">Toggle Disabled</button>
          <button id="toggle-class" type="button" phx-click="toggle-class">Toggle Class</button>
          {Each(_avatar.Entries, entry => entry.Ref, entry => Html($"<article class=\"upload-entry\"><span class=\"entry-name\">{entry.ClientName}</span></article>"))}
        </main>
        """);
}
