using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A component whose [Recoverable] picks come back, keyed by its type and id.</summary>
public sealed class PickerComponent : LiveComponent
{
    [Recoverable]
    public List<string> Picks { get; set; } = [];

    public override Rendered Render() => Html($"""
        <div id="picker">
          <button id="pick-red" phx-click="pick" phx-value-color="red" phx-target="{Myself}">red</button>
          <button id="pick-blue" phx-click="pick" phx-value-color="blue" phx-target="{Myself}">blue</button>
          <p id="picks">{string.Join(",", Picks)}</p>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "pick")
        {
            return base.HandleEventAsync(name, payload);
        }
        Picks.Add(payload.GetString("color") ?? "?");
        return ValueTask.CompletedTask;
    }
}
