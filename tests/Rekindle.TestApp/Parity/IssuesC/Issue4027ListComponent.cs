using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Renders the list it is given, keyed by id (upstream issue 4027, first case).</summary>
public sealed class Issue4027ListComponent : LiveComponent
{
    private IReadOnlyList<Issue4027Item> _items = [];

    public override ValueTask UpdateAsync(object? assigns)
    {
        _items = assigns as IReadOnlyList<Issue4027Item> ?? [];
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() =>
        Html($"""<div id="result">{Each(_items, item => item.Id, item => Html($"<p>{item.Value}</p>"))}</div>""");
}
