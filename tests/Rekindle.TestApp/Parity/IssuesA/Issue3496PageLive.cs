using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Pages A and B of upstream's issue 3496 (<c>/test/parity/issue-3496/{page}</c>): A links to B; B
/// renders the element with the hook <c>MyHook</c> and the id the sticky view of page A used for its own.
/// </summary>
public sealed class Issue3496PageLive : LiveView
{
    /// <summary>Whether this is page A, which the layout gives the sticky view.</summary>
    public bool IsPageA { get; private set; }

    public override ValueTask MountAsync(MountContext context)
    {
        IsPageA = context.Params.GetValueOrDefault("page") == "a";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => IsPageA
        ? Html($"""<h1>Page A</h1><a href="/test/parity/issue-3496/b" data-phx-link="redirect" data-phx-link-state="push">Go to page B</a>""")
        : Html($"""<h1>Page B</h1>{Issue3496StickyLive.HookedElement}""");
}
