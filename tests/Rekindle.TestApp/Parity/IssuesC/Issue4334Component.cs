using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>A hooked root (<see cref="IssuesCScript"/>'s <c>RootChange</c>) whose id and child change on <c>change-root-id</c> (upstream issue 4334).</summary>
public sealed class Issue4334Component : LiveComponent
{
    private bool _changed;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "change-root-id")
        {
            return base.HandleEventAsync(name, payload);
        }
        _changed = true;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section id="{(_changed ? "new-root" : "old-root")}" phx-hook="RootChange">
          <button id="change-root" phx-click="change-root-id" phx-target="{Myself}">Change component root ID</button>
          <p id="{(_changed ? "new-child" : "old-child")}">{(_changed ? "NEW CHILD SHOULD REMAIN VISIBLE" : "Old child is visible")}</p>
        </section>
        """);
}
