using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A stream whose items are <see cref="CardComponent"/>s (issue 17, item 10): after the first render the view's stream holds none of them.</summary>
public sealed class CardStreamLive : LiveView
{
    public sealed record Card(int Id);

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("cards", [new Card(1), new Card(2)], CardDomId);
        return ValueTask.CompletedTask;
    }

    private static string CardDomId(Card card) => $"cards-{card.Id}";

    public override Rendered Render() => Html($"""
        <main>
          <button id="add-card" phx-click="add">add card</button>
          <div id="cards" phx-update="stream">{StreamEach<Card>("cards", (id, card) => Html($"<div id=\"{id}\">{Component<CardComponent>(id, new { Number = card.Id })}</div>"))}</div>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "add")
        {
            return base.HandleEventAsync(name, payload);
        }
        StreamInsert("cards", new Card(3));
        return ValueTask.CompletedTask;
    }
}
