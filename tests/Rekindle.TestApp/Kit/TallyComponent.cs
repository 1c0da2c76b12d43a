using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>A component that counts what it is given and answers each event with its total.</summary>
public sealed class TallyComponent : LiveComponent
{
    private int _total;

    public override Rendered Render() => Html($"""
        <div id="tally">
          <span id="tally-total">{_total}</span>
          <button id="tally-add" phx-click="add" phx-value-by="1" phx-target="{Myself}">add</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "add")
        {
            return base.HandleEventAsync(name, payload);
        }
        _total += int.TryParse(payload.GetString("by"), out var by) ? by : 0;
        Reply(new { total = _total });
        return ValueTask.CompletedTask;
    }
}
