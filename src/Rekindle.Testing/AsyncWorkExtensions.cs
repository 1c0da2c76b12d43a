using Microsoft.Extensions.DependencyInjection;
using Rekindle.Runtime;

namespace Rekindle.Testing;

/// <summary>Waiting in-process for the async work of a view (<c>AssignAsync</c>, <c>StartAsync</c>, its components' too).</summary>
public static class AsyncWorkExtensions
{
    /// <summary>
    /// Waits until every run of async work the view has started is done, its outcome applied and the
    /// render showing it merged here, then returns the view's HTML (as <see cref="LiveViewTest.RenderedHtml"/>).
    /// Work started meanwhile (a reload from the handler of an outcome) is waited for too.
    /// </summary>
    /// <example><code>
    /// await using var view = await LiveTest.MountAsync&lt;OrgLive&gt;(app, "/org");
    /// Assert.Contains("Acme", await view.RenderAsyncAsync());
    /// </code></example>
    /// <exception cref="LiveViewTestException">The work did not finish within <paramref name="timeout"/> (default <see cref="LiveViewTest.ReplyTimeout"/>), or the view ended.</exception>
    public static async Task<string> RenderAsyncAsync(this LiveViewTest view, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var limit = timeout ?? view.ReplyTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var (connection, joinRef, topic) = view.Sender("a wait for async work");
        try
        {
            var tracker = view.Browser.Server.Services.GetRequiredService<AsyncWorkTracker>();
            await tracker.WhenIdleAsync(topic, joinRef ?? "", deadline.Token);
            await RoundTripAsync(connection, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LiveViewTestException($"The view's async work did not finish within {limit.TotalSeconds} s. The view's HTML:\n{view.RenderedHtml}");
        }
        return view.RenderedHtml;
    }

    /// <summary>
    /// A heartbeat and its reply: the server sends a view's frames in order on the socket, and this reader
    /// handles them in order, so the diff of the last outcome is merged before the reply arrives.
    /// </summary>
    private static async Task RoundTripAsync(ChannelConnection connection, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(null, connection.NextRef(), "phoenix", "heartbeat", new { }, _ => reply.TrySetResult(), failure => reply.TrySetException(failure));
        await reply.Task.WaitAsync(cancellationToken);
    }
}
