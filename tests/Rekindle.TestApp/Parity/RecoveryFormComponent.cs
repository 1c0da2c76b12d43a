using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// The form of <see cref="RecoveryFormLive"/> (with <c>?live-component</c>) reduced to field <c>b</c>,
/// in a component: its recovery event is <see cref="AutoRecover"/> when set, and
/// <c>patch_recovery</c> patches the parent's URL.
/// </summary>
public sealed class RecoveryFormComponent : LiveComponent
{
    private string _b = "bar";

    public string? AutoRecover { get; set; }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                _b = payload.Form?["b"] ?? _b;
                break;
            case "custom_recovery":
                _b = "custom value from server";
                break;
            case "patch_recovery":
                PushPatch("/test/parity/recovery-form?live-component&patched=true");
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div>
          <form id="component-form" phx-change="validate" phx-target="{Myself}"{Attr("phx-auto-recover", AutoRecover)}>
            <input type="text" name="b" value="{_b}">
          </form>
        </div>
        """);
}
