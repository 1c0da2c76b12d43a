using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The header of an <see cref="Issue3941Item"/>: loading, then loaded, each update starting over.</summary>
public sealed class Issue3941ItemHeader : LiveComponent
{
    public string Item { get; set; } = "";

    public AsyncResult<string> AsyncAssign { get; set; } = AsyncResult<string>.Loading();

    public override async ValueTask UpdateAsync(object? assigns)
    {
        await base.UpdateAsync(assigns);
        AssignAsync(nameof(AsyncAssign), _ => Task.FromResult("assign"), reset: true);
    }

    public override Rendered Render() => Html($"""
        <div id="header-{Item}">{AsyncBlock(AsyncAssign,
            _ => Html($"<div id=\"{Item}\" class=\"loaded\">{Item} - I AM LOADED!</div>"),
            loading: () => Html($"<div id=\"{Item}\" class=\"loading\">{Item} - I AM LOADING</div>"))}</div>
        """);
}
