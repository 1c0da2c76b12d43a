using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// The component of <see cref="Issue3368Live"/>: a one-image upload with a drop zone; a drop of two
/// files is <c>too_many_files</c>, and a later drop of one must replace them and clear the error.
/// </summary>
public sealed class Issue3368UploadComponent : LiveComponent
{
    private List<string> _saved = [];

    public override ValueTask MountAsync()
    {
        AllowUpload("file", accept: ".jpg,.jpeg,.png,.gif", maxEntries: 1);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        var file = Uploads["file"];
        return Html($"""
            <div>
              <form id="upload-form" phx-change="validate" phx-submit="save" phx-target="{Myself}">
                <div id="dropzone" phx-drop-target="{file.Ref}">Drop files here</div>
                {LiveFileInput(file)}
                <button type="submit">Upload</button>
              </form>
              {Each(file.Entries, entry => entry.Ref, entry => Html($"<p class=\"upload-entry\">{entry.ClientName}</p>"))}
              {Each(UploadErrors(file), error => Html($"<p class=\"upload-error\">{error}</p>"))}
              <p id="saved-files">{string.Join(",", _saved)}</p>
            </div>
            """);
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "save":
                _saved = ConsumeUploadedEntries("file", (_, entry) => entry.ClientName);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
