using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Shows the label it was last given (upstream issue 4209).</summary>
public sealed class Issue4209ChildComponent : LiveComponent
{
    private string _label = "";

    public override ValueTask UpdateAsync(object? assigns)
    {
        _label = assigns as string ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<div id="locked-child-content"><span id="locked-child-label">{_label}</span></div>""");
}
