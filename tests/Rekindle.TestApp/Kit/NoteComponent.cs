using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>A component with its own form (phx-target it) whose draft lives only in memory: after a rejoin it comes back only through form recovery routed to the new component.</summary>
public sealed class NoteComponent : LiveComponent
{
    private string _draft = "";

    public override Rendered Render() => Html($"""
        <div id="component-note-box">
          <form id="component-note" phx-change="draft" phx-target="{Myself}">
            <input name="line" value="">
          </form>
          <p id="component-draft">{_draft}</p>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "draft" || payload.Form is not { } form)
        {
            return base.HandleEventAsync(name, payload);
        }
        _draft = form["line"] ?? "";
        return ValueTask.CompletedTask;
    }
}
