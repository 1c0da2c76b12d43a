using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A page taller than the window (100 items), for scroll restoration on back and forward: each item
/// links to <c>/test/pages/N</c> by live navigation; <c>#patch-link</c> patches to <c>?patched=1</c>
/// and <c>#replace-link</c> to <c>?replaced=1</c> replacing the history entry; <c>#hash-link</c> goes
/// to the anchor <c>#item-42</c> and <c>#dead-link</c> to a page without a live view.
/// <c>?container=1</c> puts the items in a scroll container of their own, <c>#my-scroll-container</c>.
/// </summary>
public sealed class LongListLive : LiveView
{
    private static readonly int[] s_items = Enumerable.Range(1, 100).ToArray();
    private string _query = "";
    private bool _container;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _query = uri.Query;
        _container = parameters.ContainsKey("container");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="query">{_query}</p>
          <a id="patch-link" href="/test/parity/long-list?patched=1" data-phx-link="patch" data-phx-link-state="push">patch</a>
          <a id="replace-link" href="/test/parity/long-list?replaced=1" data-phx-link="patch" data-phx-link-state="replace">patch (replace)</a>
          <a id="navigate-link" href="/test/pages/1" data-phx-link="redirect" data-phx-link-state="push">pages</a>
          <a id="hash-link" href="#item-42">Go to 42</a>
          <a id="dead-link" href="/test/parity/dead">Dead</a>
          {(_container ? Html($"<div id=\"my-scroll-container\" style=\"height: 400px; overflow-y: scroll\">{Items()}</div>") : Items())}
        </main>
        """);

    private static Rendered Items() =>
        Html($"<ul id=\"items\">{Each(s_items, item => item, item => Html($"<li id=\"item-{item}\" style=\"height: 60px\"><a href=\"/test/pages/{item}\" data-phx-link=\"redirect\" data-phx-link-state=\"push\">Item {item}</a></li>"))}</ul>");
}
