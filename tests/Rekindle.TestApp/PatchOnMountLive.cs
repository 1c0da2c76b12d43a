using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Patches its URL while mounting when it has no step: a 302 at the dead render, a live_patch in the join reply when connected.</summary>
public sealed class PatchOnMountLive : LiveView
{
    private string _step = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _step = parameters.GetValueOrDefault("step") ?? "";
        if (_step.Length == 0)
        {
            PushPatch("/test/patch-on-mount/1", replace: true);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<main><p id=\"step\">step {_step}</p></main>");
}
