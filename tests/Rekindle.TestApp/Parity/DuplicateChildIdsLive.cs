using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Renders two nested views, with one id for both when asked (<c>?duplicate=1</c> or the <c>duplicate</c> event).</summary>
public sealed class DuplicateChildIdsLive : LiveView
{
    private bool _duplicate;

    public override ValueTask MountAsync(MountContext context)
    {
        _duplicate = context.Params.ContainsKey("duplicate");
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "duplicate")
        {
            return base.HandleEventAsync(name, payload);
        }
        _duplicate = true;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          {LiveRender<NestedLeafLive>("leaf-a", new Dictionary<string, string> { ["name"] = "a" })}
          {LiveRender<NestedLeafLive>(_duplicate ? "leaf-a" : "leaf-b", new Dictionary<string, string> { ["name"] = "b" })}
        </main>
        """);
}
