using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>A component with assigns (a name), a click that changes its own state, and a count of its updates.</summary>
public sealed class BadgeComponent : LiveComponent
{
    private bool _loud;
    private int _updates;

    public string Name { get; set; } = "";

    public override ValueTask UpdateAsync(object? assigns)
    {
        _updates++;
        return base.UpdateAsync(assigns);
    }

    public override Rendered Render() => Html($"""
        <span id="badge">
          <b id="badge-name">{(_loud ? Name.ToUpperInvariant() : Name)}</b>
          <i id="badge-updates">{_updates}</i>
          <button id="badge-shout" phx-click="shout" phx-target="{Myself}">shout</button>
        </span>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "shout")
        {
            return base.HandleEventAsync(name, payload);
        }
        _loud = !_loud;
        return ValueTask.CompletedTask;
    }
}
