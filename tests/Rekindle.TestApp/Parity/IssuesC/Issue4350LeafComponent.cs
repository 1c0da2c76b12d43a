using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Counts its own bumps (upstream issue 4350).</summary>
public sealed class Issue4350LeafComponent : LiveComponent
{
    private int _count;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "bump")
        {
            return base.HandleEventAsync(name, payload);
        }
        _count++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="leaf">count: <span id="leaf-count">{_count}</span> <button id="bump" phx-click="bump" phx-target="{Myself}">bump</button></div>
        """);
}
