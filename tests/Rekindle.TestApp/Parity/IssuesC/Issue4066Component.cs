using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>An input whose hook pushes <c>do-something</c> to this component (upstream issue 4066).</summary>
public sealed class Issue4066Component : LiveComponent
{
    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name == "do-something" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);

    public override Rendered Render() => Html($"""<input phx-hook="Issue4066Input" id="{Id}">""");
}
