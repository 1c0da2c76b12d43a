using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.DeployedViews;

/// <summary>Release 2 of the notes page: <c>Priority</c> retyped, <c>Pinned</c> gone, <c>Tags</c> new, another template.</summary>
public sealed class NotesLive : LiveView
{
    [Recoverable]
    public int Count { get; set; }

    [Recoverable]
    public string Draft { get; set; } = "";

    [Recoverable]
    public string Priority { get; set; } = "normal";

    [Recoverable]
    public List<string> Tags { get; set; } = ["new"];

    public override Rendered Render() => Html($"""
        <section class="notes">
          <h2 id="release">release 2</h2>
          <p>Count <span id="count">{Count}</span> <button id="inc" phx-click="inc">+</button></p>
          <p>Draft <span id="draft">{Draft}</span></p>
          <p>Priority <span id="priority">{Priority}</span></p>
          <p>Tags <span id="tags">{string.Join(",", Tags)}</span></p>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Count++;
        return ValueTask.CompletedTask;
    }
}
