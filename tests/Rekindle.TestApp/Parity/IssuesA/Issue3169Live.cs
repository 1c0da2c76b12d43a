using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3169: three nested components. Selecting a record gives the outer one
/// (<see cref="Issue3169FormComponent"/>) a name; it clears its record and sends itself an update
/// that loads the record, which renders the middle (<see cref="Issue3169CoreComponent"/>) and inner
/// (<see cref="Issue3169ColumnComponent"/>, a new id per record) components again.
/// </summary>
public sealed class Issue3169Live : LiveView
{
    private string? _selected;

    public override Rendered Render() => Html($"""
        <main>
          HomeLive {Component<Issue3169FormComponent>("form_view", new Issue3169FormComponent.Selection(_selected))}
          <button id="select-a" phx-click="select" phx-value-name="a">Select A</button>
          <button id="select-b" phx-click="select" phx-value-name="b">Select B</button>
          <button id="select-z" phx-click="select" phx-value-name="z">Select Z</button>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "select")
        {
            return base.HandleEventAsync(name, payload);
        }
        _selected = payload.GetString("name");
        return ValueTask.CompletedTask;
    }
}
