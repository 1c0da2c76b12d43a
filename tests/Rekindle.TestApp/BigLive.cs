using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A view that renders as many characters as the client asks for: a render without bound.</summary>
public sealed class BigLive : LiveView
{
    private string _text = "";

    public override Rendered Render() => Html($"""<main><p id="size">{_text.Length}</p><pre id="text">{_text}</pre></main>""");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "grow")
        {
            return base.HandleEventAsync(name, payload);
        }
        _text = new string('x', int.Parse(payload.GetString("size") ?? "0", CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }
}
