using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.DeployedViews;

/// <summary>Release 1 of a notes page; release 2 (same type name, another assembly) changes its members and template.</summary>
public sealed class NotesLive : LiveView
{
    [Recoverable]
    public int Count { get; set; }

    [Recoverable]
    public string Draft { get; set; } = "";

    /// <summary>Becomes a string in release 2.</summary>
    [Recoverable]
    public int Priority { get; set; }

    /// <summary>Gone in release 2.</summary>
    [Recoverable]
    public bool Pinned { get; set; }

    public override Rendered Render() => Html($"""
        <main>
          <h1 id="release">release 1</h1>
          <span id="count">{Count}</span>
          <button id="inc" phx-click="inc">+</button>
          <span id="draft">{Draft}</span>
          <button id="write" phx-click="write">write</button>
          <span id="priority">{Priority}</span>
          <button id="raise" phx-click="raise">raise</button>
          <span id="pinned">{Pinned}</span>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc": Count++; break;
            case "write": Draft = "buy milk"; break;
            case "raise": Priority++; Pinned = true; break;
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
