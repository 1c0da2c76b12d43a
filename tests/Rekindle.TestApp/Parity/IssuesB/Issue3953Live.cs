using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3953: a view with a component (cid 1) toggles a nested view that has a component
/// of its own, also cid 1 in the nested view; the nested component must come back each time it is shown.
/// </summary>
public sealed class Issue3953Live : LiveView
{
    private bool _show;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "toggle")
        {
            return base.HandleEventAsync(name, payload);
        }
        _show = !_show;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        {Component<Issue3953Component>("comp")}
        <button phx-click="toggle">Show</button>
        {(_show ? LiveRender<Issue3953NestedLive>("nested_view") : null)}
        """);
}
