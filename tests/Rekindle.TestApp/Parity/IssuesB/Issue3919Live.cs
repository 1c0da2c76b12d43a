using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3919: a function component whose optional <c>special</c> attribute defaults to
/// false styles its element red; toggling the attribute on and back off must drop the style again.
/// </summary>
public sealed class Issue3919Live : LiveView
{
    private bool _special;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "toggle_special")
        {
            return base.HandleEventAsync(name, payload);
        }
        _special = !_special;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        {(_special ? Styled(Html($"Red"), special: true) : Styled(Html($"No red")))}
        <button phx-click="toggle_special">toggle</button>
        """);

    private static Rendered Styled(Rendered content, bool special = false) =>
        Html($"""<div{Attr("style", special ? "background-color: red;" : null)}>{content}</div>""");
}
