using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Counts its own clicks and how often <c>UpdateAsync</c> ran (issue 17, item 4).</summary>
public sealed class ClickTallyComponent : LiveComponent
{
    private int _updates;
    private int _clicks;
    private string _label = "";

    public override ValueTask UpdateAsync(object? assigns)
    {
        _updates++;
        _label = (assigns as TallyAssigns)?.Label ?? "";
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "click")
        {
            return base.HandleEventAsync(name, payload);
        }
        _clicks++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<p id="tally" phx-click="click" phx-target="{Myself}">{_label} updates {_updates} clicks {_clicks}</p>""");
}
