using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3931: a value loaded asynchronously after the mount, rendered through a wrapping
/// function that takes the whole view; the loaded value must reach the client in a diff after the join.
/// </summary>
public sealed class Issue3931Live : LiveView
{
    public AsyncResult<string> SlowData { get; set; } = AsyncResult<string>.Loading();

    public override ValueTask MountAsync(MountContext context)
    {
        AssignAsync(nameof(SlowData), async ct =>
        {
            await Task.Delay(100, ct);
            return "This was loaded asynchronously!";
        });
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Wrap(this, AsyncBlock(SlowData,
        data => Html($"<div id=\"async\" class=\"loaded\">{data}</div>"),
        loading: () => Html($"<div id=\"async\" class=\"loading\"><p>Loading data...</p></div>")));

    private static Rendered Wrap(Issue3931Live view, Rendered content) =>
        Html($"<div class=\"page\" data-loading=\"{(view.SlowData.IsLoading ? "true" : "false")}\">{content}</div>");
}
