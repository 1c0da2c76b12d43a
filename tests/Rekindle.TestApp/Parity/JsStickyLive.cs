using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Elements whose classes, visibility and attributes JS commands change on the client, each carrying
/// <c>data-mount</c>, a number new at every connected mount, so a test sees that a rejoin's render
/// patched the element while the client kept (or dropped) what the commands did.
/// </summary>
public sealed class JsStickyLive : LiveView
{
    private static int s_mounts;
    private int _mount;

    public override ValueTask MountAsync(MountContext context)
    {
        _mount = context.IsConnected ? Interlocked.Increment(ref s_mounts) : 0;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <div id="lamp" class="lamp on" data-mount="{_mount}">lamp</div>
          <div id="note" data-mount="{_mount}">note</div>
          <div id="secret" style="display: none" data-mount="{_mount}">secret</div>
          <nav id="menu" aria-expanded="false" data-mount="{_mount}">menu</nav>
          <button id="lamp-off" phx-click="{JS.RemoveClass("on", to: "#lamp").AddClass("off", to: "#lamp")}">lamp off</button>
          <button id="hide-note" phx-click="{JS.Hide("#note")}">hide note</button>
          <button id="show-secret" phx-click="{JS.Show("#secret")}">show secret</button>
          <button id="expand" phx-click="{JS.SetAttribute("aria-expanded", "true", to: "#menu")}">expand</button>
        </main>
        """);
}
