using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.Runtime;
using Rekindle.Wire;

namespace Rekindle.Transport;

/// <summary>
/// The joins of one socket that <see cref="JoinAdmission"/> held back. Each waits until its budgets
/// refill (plus up to half a second of jitter, so a crowd of held joins does not retry in step) and
/// then joins. Past <see cref="TransportOptions.MaxJoinWait"/> the socket is closed with 1012 instead:
/// the stock client reconnects with back-off and rejoins, where an error reply would reload the page
/// (docs/protocol.md §3.5, §1.7). A leave or another join of the topic cancels its wait; so does the
/// socket's end.
/// </summary>
internal sealed partial class HeldJoins(JoinAdmission admission, SocketSession session, TransportOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(500);
    private readonly Dictionary<string, CancellationTokenSource> _waits = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _closed;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _waits.Count;
            }
        }
    }

    /// <summary>A join of a view the client mounted before: <c>params._mounts</c> &gt; 0 (docs/protocol.md §3.2).</summary>
    public static bool IsRejoin(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("params", out var parameters)
        && parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty("_mounts", out var mounts)
        && mounts.ValueKind == JsonValueKind.Number
        && mounts.TryGetInt32(out var count)
        && count > 0;

    /// <summary>
    /// Holds <paramref name="frame"/> until <paramref name="join"/> may run; <paramref name="giveUp"/>
    /// runs instead once the wait is over. Both run on a timer thread.
    /// </summary>
    public void Hold(InboundFrame frame, bool rejoin, TimeSpan retryAfter, Action<InboundFrame> join, Action giveUp)
    {
        var wait = new CancellationTokenSource();
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }
            if (_waits.Remove(frame.Topic, out var earlier))
            {
                earlier.Cancel();
            }
            _waits[frame.Topic] = wait;
        }
        Log.JoinHeld(logger, frame.Topic, rejoin, session.RemoteAddress, retryAfter);
        // Fire and forget: WaitAsync catches and logs everything itself.
        _ = WaitAsync(frame, rejoin, retryAfter, wait, join, giveUp);
    }

    /// <summary>Cancels the held join of <paramref name="topic"/>; false when none was held.</summary>
    public bool Cancel(string topic)
    {
        lock (_lock)
        {
            if (!_waits.Remove(topic, out var wait))
            {
                return false;
            }
            wait.Cancel();
            return true;
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var wait in _waits.Values)
            {
                wait.Cancel();
            }
            _waits.Clear();
        }
    }

    private async Task WaitAsync(InboundFrame frame, bool rejoin, TimeSpan retryAfter, CancellationTokenSource wait, Action<InboundFrame> join, Action giveUp)
    {
        var start = time.GetTimestamp();
        try
        {
            while (true)
            {
                var remaining = options.MaxJoinWait - time.GetElapsedTime(start);
                var delay = retryAfter + (MaxJitter * Random.Shared.NextDouble());
                await Task.Delay(delay < remaining ? delay : remaining, time, wait.Token);
                if (admission.TryAdmit(session.RemoteAddress, session.BrowserSessionId, rejoin, out retryAfter))
                {
                    if (Release(frame.Topic, wait))
                    {
                        Log.JoinAdmitted(logger, frame.Topic, time.GetElapsedTime(start));
                        join(frame);
                    }
                    return;
                }
                if (time.GetElapsedTime(start) >= options.MaxJoinWait)
                {
                    if (Release(frame.Topic, wait))
                    {
                        Log.JoinWaitExpired(logger, frame.Topic, options.MaxJoinWait);
                        giveUp();
                    }
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            // A leave, a newer join of the topic or the socket's end: nothing to answer.
        }
        catch (Exception exception)
        {
            Log.HeldJoinFailed(logger, exception, frame.Topic);
            Release(frame.Topic, wait);
            giveUp();
        }
        finally
        {
            wait.Dispose();
        }
    }

    private bool Release(string topic, CancellationTokenSource wait)
    {
        lock (_lock)
        {
            return _waits.TryGetValue(topic, out var current) && ReferenceEquals(current, wait) && _waits.Remove(topic);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1009, LogLevel.Warning, "Join on {Topic} held (rejoin: {Rejoin}) from {Address}: over its join budget for {RetryAfter}. Raise Rekindle:Transport:MaxJoinsPerMinutePerAddress, MaxRejoinsPerMinutePerAddress or MaxJoinsPerMinutePerSession if legitimate.", EventName = nameof(JoinHeld))]
        public static partial void JoinHeld(ILogger logger, string topic, bool rejoin, string address, TimeSpan retryAfter);

        [LoggerMessage(1901, LogLevel.Debug, "Held join on {Topic} admitted after {Waited}.", EventName = nameof(JoinAdmitted))]
        public static partial void JoinAdmitted(ILogger logger, string topic, TimeSpan waited);

        [LoggerMessage(1902, LogLevel.Warning, "Held join on {Topic} still over budget after {MaxWait} (Rekindle:Transport:MaxJoinWait): closing the socket with 1012, the client reconnects and tries again.", EventName = nameof(JoinWaitExpired))]
        public static partial void JoinWaitExpired(ILogger logger, string topic, TimeSpan maxWait);

        [LoggerMessage(1903, LogLevel.Error, "Held join on {Topic} failed.", EventName = nameof(HeldJoinFailed))]
        public static partial void HeldJoinFailed(ILogger logger, Exception exception, string topic);
    }
}
