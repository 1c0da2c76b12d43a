using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Testing;

/// <summary>The page around a component mounted in isolation: it renders only that component, with the assigns the test gave last.</summary>
internal sealed class IsolatedComponentLive(IsolatedComponent component) : LiveView
{
    public const string ContainerId = "rekindle-isolated";
    public const string RenderEvent = "rekindle-testing:render";

    public override Rendered Render() => Html($"""<div id="rekindle-isolated">{new ComponentRef(component.Type, "isolated", component.Assigns)}</div>""");

    // The test changed the assigns in the shared holder; rendering again hands them to the component's UpdateAsync.
    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name == RenderEvent ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);
}
