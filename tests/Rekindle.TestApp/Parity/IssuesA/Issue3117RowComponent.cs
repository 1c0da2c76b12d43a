using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>A row of <see cref="Issue3117Live"/>: an async value and a nested template that never changes.</summary>
public sealed class Issue3117RowComponent : LiveComponent
{
    public AsyncResult<string> Foo { get; set; } = AsyncResult<string>.Loading();

    public override async ValueTask UpdateAsync(object? assigns)
    {
        await base.UpdateAsync(assigns);
        AssignAsync(nameof(Foo), _ => Task.FromResult("bar"));
    }

    public override Rendered Render() => Html($"""
        <div id="{Id}">
          Example LC Row {(Foo.IsOk ? Foo.Value : "nil")}
          {Static()}
        </div>
        """);

    private static Rendered Static() => Html($"<div class=\"static\">static content</div>");
}
