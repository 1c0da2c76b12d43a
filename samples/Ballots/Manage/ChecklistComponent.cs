using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Manage;

/// <summary>
/// The organizer's "before you share" checklist. What is ticked lives only in this component's
/// <c>[Recoverable]</c> state: no database, no form, no hook, and it still survives a restart.
/// </summary>
public sealed class ChecklistComponent : LiveComponent
{
    private static readonly (string Key, string Label)[] Items =
    [
        ("questions", "Questions proofread"),
        ("choices", "Every choice listed"),
        ("link", "Link sent to the voters"),
    ];

    [Recoverable]
    public List<string> Done { get; set; } = [];

    public override Rendered Render() => Html($"""
        <div class="checklist">
          <ul id="checklist">
            {Each(Items, item => item.Key, item => Item(item.Key, item.Label))}
          </ul>
          <p id="checklist-progress" class="meta">{Done.Count} of {Items.Length} done</p>
        </div>
        """);

    private Rendered Item(string key, string label) => Html($"""
        <li><button id="check-{key}" type="button" class="check" phx-click="toggle" phx-value-item="{key}" phx-target="{Myself}" aria-pressed="{(Done.Contains(key) ? "true" : "false")}">{label}</button></li>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "toggle")
        {
            return base.HandleEventAsync(name, payload);
        }
        var item = payload.GetString("item");
        if (!Items.Any(known => known.Key == item))
        {
            throw new ArgumentException($"Unknown checklist item '{item}'. Expected one of: {string.Join(", ", Items.Select(known => known.Key))}.");
        }
        if (!Done.Remove(item!))
        {
            Done.Add(item!);
        }
        return ValueTask.CompletedTask;
    }
}
