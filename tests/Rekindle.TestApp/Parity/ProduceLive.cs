using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A stream reset in <see cref="LiveView.HandleParamsAsync"/>: <c>/test/parity/produce/fruits</c> and
/// <c>/test/parity/produce/veggies</c> stream their own items, and the "Switch" link patches between them.
/// </summary>
public sealed class ProduceLive : LiveView
{
    private string _category = "";

    public sealed record Produce(int Id, string Name);

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _category = parameters.GetValueOrDefault("category") == "veggies" ? "veggies" : "fruits";
        Produce[] items = _category == "veggies" ? [new(3, "Carrots"), new(4, "Tomatoes")] : [new(1, "Apples"), new(2, "Oranges")];
        Stream("produce", items, item => $"produce-{item.Id}", reset: true);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <h1 id="category">{_category}</h1>
          <a id="switch" href="/test/parity/produce/{(_category == "fruits" ? "veggies" : "fruits")}" data-phx-link="patch" data-phx-link-state="push">Switch</a>
          <ul id="produce" phx-update="stream">{StreamEach<Produce>("produce", (id, item) => Html($"<li id=\"{id}\">{item.Name}</li>"))}</ul>
        </main>
        """);
}
