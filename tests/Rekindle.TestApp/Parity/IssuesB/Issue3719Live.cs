using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3719: a form with the fields <c>foo</c> and <c>foo[bar]</c> shows the decoded key path of the field that changed.</summary>
public sealed class Issue3719Live : LiveView
{
    private string _target = "nil";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc" || payload.Form is not { } form)
        {
            return base.HandleEventAsync(name, payload);
        }
        _target = "[" + string.Join(", ", form.TargetPath.Select(key => $"\"{key}\"")) + "]";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <form phx-change="inc">
          <input id="a" type="text" name="foo">
          <input id="b" type="text" name="foo[bar]">
        </form>
        <span id="target">{_target}</span>
        """);
}
