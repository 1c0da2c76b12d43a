namespace Rekindle.Testing;

/// <summary>Waits until a condition on a view holds, checking it now and after every change its channel merges.</summary>
internal static class ChangeWait
{
    public static async Task UntilAsync(LiveViewTest view, ViewChannel channel, Func<LiveViewTest, bool> condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var changed = channel.Changed;
            if (condition(view))
            {
                return;
            }
            if (channel.Ended is { } ended)
            {
                throw new LiveViewTestException("The condition did not hold before the view ended: " + ended.Message, ended);
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LiveViewTestException($"The condition did not hold within {limit.TotalSeconds} s. The view's HTML:\n{view.RenderedHtml}");
            }
        }
    }
}
