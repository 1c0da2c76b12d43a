using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// A portal: a dialog rendered inside a clipping container but shown under <c>body</c>, whose button and
/// form reach this view; and a component whose own portal's events reach the component.
/// </summary>
public sealed class PortalLive : LiveView
{
    private int _count;
    private string _title = "";

    public override Rendered Render() => Html($"""
        <main>
          <div id="clip" style="overflow: hidden; height: 0">
            {Portal("dialog-portal", "body", Dialog())}
            {Component<PortalNoteComponent>("note")}
          </div>
          <span id="view-count">{_count}</span>
        </main>
        """);

    private Rendered Dialog() => Html($"""
        <div id="portal-dialog">
          <button id="portal-inc" phx-click="inc">inc</button>
          <span id="portal-count">{_count}</span>
          <form id="portal-form" phx-change="change">
            <input id="portal-title" name="title" value="{_title}">
          </form>
          <span id="portal-echo">{_title}</span>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc":
                _count++;
                break;
            case "change":
                _title = payload.GetString("title") ?? "";
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
