using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The sticky view of upstream's issue 3658: an element with a <c>phx-remove</c> command, which navigation must not run.</summary>
public sealed class Issue3658StickyLive : LiveView
{
    public override Rendered Render() => Html($"""
        <div><div id="foo" phx-remove="{JS.Dispatch("my-event")}">Hi</div></div>
        """);
}
