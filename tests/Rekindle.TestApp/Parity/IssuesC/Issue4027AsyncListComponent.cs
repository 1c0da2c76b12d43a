using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Unwraps the async result it is given and renders its list, keyed by id (upstream issue 4027, second case).</summary>
public sealed class Issue4027AsyncListComponent : LiveComponent
{
    private AsyncResult<IReadOnlyList<Issue4027Item>> _data = AsyncResult<IReadOnlyList<Issue4027Item>>.Loading();

    public override ValueTask UpdateAsync(object? assigns)
    {
        _data = assigns as AsyncResult<IReadOnlyList<Issue4027Item>> ?? _data;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() =>
        Html($"""<div id="result">{AsyncBlock(_data, items => Html($"{Each(items, item => item.Id, item => Html($"<p>{item.Value}</p>"))}"))}</div>""");
}
