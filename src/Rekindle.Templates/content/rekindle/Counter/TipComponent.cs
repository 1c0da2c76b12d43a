using Rekindle.Rendering;
using Rekindle.Views;

namespace RekindleApp.Counter;

/// <summary>A component with state of its own: events with phx-target="{Myself}" come here, not to the page.</summary>
public sealed class TipComponent : LiveComponent
{
    private static readonly string[] Tips =
    [
        "Restart the server: the count comes back.",
        "Open a second tab: each page has its own count.",
        "Edit CounterLive.Render under dotnet watch and save.",
    ];

    [Recoverable]
    public int Index { get; set; }

    public override Rendered Render() => Html($"""
        <aside class="tip">
          <p id="tip">{Tips[Index]}</p>
          <button id="next-tip" phx-click="next" phx-target="{Myself}">Next tip</button>
        </aside>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "next")
        {
            return base.HandleEventAsync(name, payload);
        }
        Index = (Index + 1) % Tips.Length;
        return ValueTask.CompletedTask;
    }
}
