using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Shows the parent's tick and holds <see cref="Issue4350LeafComponent"/>, which no tick changes (upstream issue 4350).</summary>
public sealed class Issue4350BranchComponent : LiveComponent
{
    private int _tick;

    public override ValueTask UpdateAsync(object? assigns)
    {
        _tick = assigns as int? ?? 0;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<div id="branch">tick: {_tick} {Component<Issue4350LeafComponent>("leaf")}</div>""");
}
