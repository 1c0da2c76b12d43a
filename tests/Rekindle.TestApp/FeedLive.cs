using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// A [Recoverable] list of the messages broadcast on its topic: after a restore it must hold every
/// message once, in order, including those broadcast while it was away (replayed from the topic's
/// log), or say which topic's messages were lost.
/// </summary>
public sealed class FeedLive : LiveView
{
    public const string TopicPrefix = "feed:";

    [Recoverable]
    public List<string> Items { get; set; } = [];

    private string _restore = "fresh";

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected)
        {
            Subscribe(TopicPrefix + context.Params.GetValueOrDefault("topic"));
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnRestoredAsync(Restoration restoration)
    {
        _restore = restoration.LostTopics.Count > 0
            ? "lost " + string.Join(" ", restoration.LostTopics)
            : $"replaying {restoration.ReplayedMessages}";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section>
          <p id="items">{string.Join(",", Items)}</p>
          <p id="restore">{_restore}</p>
        </section>
        """);

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is string text)
        {
            Items.Add(text);
        }
        return ValueTask.CompletedTask;
    }
}
