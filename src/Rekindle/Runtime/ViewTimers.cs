using Rekindle.Views;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    public void Subscribe(string topic) => _subscriptions.Add(_topics.Subscribe(topic, message => PostInfo(new BroadcastMessage(message), message.Message)));

    public void SendAfter(object message, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The timer ends with the view (the token), and posting never throws, so nobody awaits it.
        _ = Task.Delay(delay, _time, _stopping.Token).ContinueWith(
            _ => PostInfo(new InfoMessage(message), message), _stopping.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>
    /// Queues a server-side message without waiting: a broadcaster must never block on a slow view.
    /// When the mailbox is full the message is dropped and a warning names the view (documented
    /// overflow policy; raise Rekindle:Runtime:MailboxCapacity or broadcast less).
    /// </summary>
    private void PostInfo(ViewMessage info, object message)
    {
        if (!_mailbox.Writer.TryWrite(info) && !_stopping.IsCancellationRequested)
        {
            Log.MailboxFull(_logger, _view?.GetType().Name ?? "(joining)", Topic, message.GetType().Name);
        }
    }

    private async ValueTask<bool> HandleInfoAsync(LiveView view, RenderSession render, object message)
    {
        view.Effects.Clear();
        await view.HandleInfoAsync(message);
        if (!await NavigateAsync(view, messageRef: null))
        {
            return false;
        }
        await SendDiffPushAsync(render);
        return true;
    }
}
