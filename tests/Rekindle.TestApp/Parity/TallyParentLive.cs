using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Renders a <see cref="ClickTallyComponent"/> with fresh <see cref="TallyAssigns"/> each time, and counts its own renders.</summary>
public sealed class TallyParentLive : LiveView
{
    private int _renders;
    private int _touches;
    private string _label = "a";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "touch":
                _touches++;
                break;
            case "rename":
                _label += "a";
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        _renders++;
        return Html($"""<main><p id="renders">{_renders}</p><p id="touches">{_touches}</p>{Component<ClickTallyComponent>("tally", new TallyAssigns { Label = _label })}</main>""");
    }
}
