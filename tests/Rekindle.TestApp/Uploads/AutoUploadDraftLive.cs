namespace Rekindle.TestApp.Uploads;

/// <summary><see cref="UploadDraftLive"/> with an auto upload: the file goes as soon as it is chosen, and again by itself after a drop.</summary>
public sealed class AutoUploadDraftLive : UploadDraftLive
{
    protected override bool AutoUpload => true;
}
