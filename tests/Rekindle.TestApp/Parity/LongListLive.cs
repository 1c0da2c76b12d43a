using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A page taller than the window (100 items), for scroll restoration on back and forward: each item
/// links to <c>/test/pages/N</c> by live navigation; <c>#patch-link</c> patches to <c>?patched=1</c>
/// and <c>#replace-link</c> to <c>?replaced=1</c> replacing the history entry.
/// </summary>
public sealed class LongListLive : LiveView
{
    private static readonly int[] s_items = Enumerable.Range(1, 100).ToArray();
    private string _query = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _query = uri.Query;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="query">{_query}</p>
          <a id="patch-link" href="/test/parity/long-list?patched=1" data-phx-link="patch" data-phx-link-state="push">patch</a>
          <a id="replace-link" href="/test/parity/long-list?replaced=1" data-phx-link="patch" data-phx-link-state="replace">patch (replace)</a>
          <a id="navigate-link" href="/test/pages/1" data-phx-link="redirect" data-phx-link-state="push">pages</a>
          <ul id="items">{Each(s_items, item => item, item => Html($"<li id=\"item-{item}\" style=\"height: 60px\"><a href=\"/test/pages/{item}\" data-phx-link=\"redirect\" data-phx-link-state=\"push\">Item {item}</a></li>"))}</ul>
        </main>
        """);
}
