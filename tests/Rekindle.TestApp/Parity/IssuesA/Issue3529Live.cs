using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3529: the heading shows the number of this connected mount, so a test tells a
/// live navigation (a new mount) from a patch (the same mount); each params run makes new link targets.
/// </summary>
public sealed class Issue3529Live : LiveView
{
    private static int s_mounts;
    private int _mount;
    private int _next;

    public override ValueTask MountAsync(MountContext context)
    {
        _mount = context.IsConnected ? Interlocked.Increment(ref s_mounts) : 0;
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _next = Random.Shared.Next();
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <h1>Mounted at {_mount}</h1>
          <a href="/test/parity/issue-3529?param={_next}" data-phx-link="redirect" data-phx-link-state="push">Navigate</a>
          <a href="/test/parity/issue-3529?param={_next}" data-phx-link="patch" data-phx-link-state="push">Patch</a>
        </main>
        """);
}
