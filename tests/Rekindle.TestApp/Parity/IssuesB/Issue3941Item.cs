using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>An item of <see cref="Issue3941Live"/>: a hooked element around <see cref="Issue3941ItemHeader"/>, with an async value of its own.</summary>
public sealed class Issue3941Item : LiveComponent
{
    public string Item { get; set; } = "";

    public AsyncResult<bool> AnyAssign { get; set; } = AsyncResult<bool>.Loading();

    public override async ValueTask UpdateAsync(object? assigns)
    {
        await base.UpdateAsync(assigns);
        AssignAsync(nameof(AnyAssign), _ => Task.FromResult(true));
    }

    public override Rendered Render() => Html($"""
        <div id="item-{Item}" phx-hook="PagePositionNotifier" data-any="{(AnyAssign.IsOk ? "loaded" : "loading")}">{Component<Issue3941ItemHeader>($"item-header-{Item}", new { Item })}</div>
        """);
}
