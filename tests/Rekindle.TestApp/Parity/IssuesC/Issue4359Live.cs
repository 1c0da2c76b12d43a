using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4359: once connected, the view navigates to itself with <c>done=1</c> after a slow message, while its nested view joins.</summary>
public sealed class Issue4359Live : LiveView
{
    private const string Go = "go";

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected && context.Params.GetValueOrDefault("done") != "1")
        {
            SendAfter(Go, TimeSpan.Zero);
        }
        return ValueTask.CompletedTask;
    }

    public override async ValueTask HandleInfoAsync(object message)
    {
        if (message is Go)
        {
            // Slow work on the view's loop, so the client is still joining the nested view when the navigation comes.
            await Task.Delay(300, CancellationToken);
            PushNavigate("/test/parity/issue-4359?done=1");
        }
    }

    public override Rendered Render() => Html($"<main>{LiveRender<Issue4359ChildLive>("child")}</main>");
}
