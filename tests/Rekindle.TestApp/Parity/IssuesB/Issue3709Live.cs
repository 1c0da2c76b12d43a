using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3709: ten patch links, and a component whose id follows the URL, so each patch
/// replaces the component; a button clicks every link at once.
/// </summary>
public sealed class Issue3709Live : LiveView
{
    private string? _id;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _id = parameters.GetValueOrDefault("id");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <ul>{Each(Enumerable.Range(1, 10), i => Html($"""<li><a href="/test/parity/issue-3709/{i.ToString(CultureInfo.InvariantCulture)}" data-phx-link="patch" data-phx-link-state="push">Link {i.ToString(CultureInfo.InvariantCulture)}</a></li>"""))}</ul>
        <div>
          {Component<Issue3709Component>($"user-{_id}")} <span id="current">id: {_id}</span>
          <button id="break" onclick="document.querySelectorAll('li a').forEach((x) => x.click())">Break Stuff</button>
        </div>
        """);
}
