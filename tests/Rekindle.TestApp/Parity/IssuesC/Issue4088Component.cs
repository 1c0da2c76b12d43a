using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Counts the <c>my_update</c> events its element's hook sends while that element is locked by the previous one (upstream issue 4088).</summary>
public sealed class Issue4088Component : LiveComponent
{
    private int _updates;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "my_update")
        {
            return base.HandleEventAsync(name, payload);
        }
        _updates++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() =>
        Html($"""<div id="foo" phx-hook="Issue4088Burst" phx-target="{Myself}">updates {_updates}</div>""");
}
