using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// One <see cref="RosterMemberComponent"/> per member of a named roster, in a keyed list. The
/// roster lives outside the view, so a test can reorder it or add a member while the page is
/// disconnected: the rejoin's render then numbers the components differently.
/// </summary>
public sealed class RosterLive(Rosters rosters) : LiveView
{
    private string _name = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _name = context.Params.GetValueOrDefault("name") ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <ul id="members">{Each(rosters.Members(_name), member => member, member => Html($"<li id=\"member-{member}\">{Component<RosterMemberComponent>(member)}</li>"))}</ul>
        """);
}
