using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary><see cref="UploadDraftLive"/> whose reply to a file selection waits for <see cref="SelectionGate"/>, as on a slow link.</summary>
public sealed class GatedUploadDraftLive : UploadDraftLive
{
    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name == "validate")
        {
            await SelectionGate.WaitAsync();
        }
        await base.HandleEventAsync(name, payload);
    }
}
