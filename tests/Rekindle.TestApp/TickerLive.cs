using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Shows the last message broadcast on "ticker" and a delayed message sent to itself.</summary>
public sealed class TickerLive : LiveView
{
    public const string Topic = "ticker";
    private string _last = "";
    private string _later = "";

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected)
        {
            Subscribe(Topic);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section>
          <p id="last">{_last}</p>
          <p id="later">{_later}</p>
          <button id="later-button" phx-click="later">later</button>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "later")
        {
            return base.HandleEventAsync(name, payload);
        }
        SendAfter(new Later("tick"), TimeSpan.FromMilliseconds(50));
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        switch (message)
        {
            case Later later:
                _later = later.Text;
                break;
            case string text:
                _last = text;
                break;
        }
        return ValueTask.CompletedTask;
    }

    private sealed record Later(string Text);
}
