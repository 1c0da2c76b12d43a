using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3083: a multiple select of 1 to 5 whose selection the server sets (event
/// <c>select</c> with <c>ids</c>, "1,2", pushed by the test from script so that focus stays where it
/// is; <c>#updates</c> counts them); its own changes go to a <c>validate</c> that changes nothing.
/// </summary>
public sealed class Issue3083Live : LiveView
{
    private static readonly int[] s_options = [1, 2, 3, 4, 5];
    private int[] _selected = [];
    private int _updates;

    public override Rendered Render() => Html($"""
        <main>
          <form id="form" phx-change="validate">
            <select id="ids" name="ids[]" multiple>{Each(s_options, option => option, option => Html($"<option value=\"{option}\"{Attr("selected", _selected.Contains(option))}>{option}</option>"))}</select>
            <input type="text" placeholder="focus me!">
          </form>
          <p id="updates">{_updates}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "select" when payload.GetString("ids") is { } ids:
                _selected = [.. ids.Split(',').Select(int.Parse)];
                _updates++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
