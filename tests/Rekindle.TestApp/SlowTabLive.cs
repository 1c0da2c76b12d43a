using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// Counts the messages broadcast on <see cref="Topic"/> ([Recoverable]) and shows the last one, which
/// the tests make large: a tab that stops reading fills its socket's outbox quickly, and after the
/// socket is closed and the view restored, the count must still cover every message.
/// </summary>
public sealed class SlowTabLive : LiveView
{
    public const string Topic = "slow-tab";

    [Recoverable]
    public int Received { get; set; }

    private string _last = "";

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
          <p id="received">{Received}</p>
          <p id="last">{_last}</p>
        </section>
        """);

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is string text)
        {
            Received++;
            _last = text;
        }
        return ValueTask.CompletedTask;
    }
}
