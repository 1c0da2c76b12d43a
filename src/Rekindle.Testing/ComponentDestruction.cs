using System.Text.Json;
using Rekindle.Wire;

namespace Rekindle.Testing;

/// <summary>
/// The client's two-step destruction of components that left the page (docs/protocol.md §9.3):
/// <c>cids_will_destroy</c>, then, for those still absent when it is answered, <c>cids_destroyed</c>,
/// whose reply names the cids the server forgot; so the server forgets them as with a browser.
/// </summary>
internal static class ComponentDestruction
{
    /// <summary>Runs the handshake; the task completes when it is over, also when the socket fails (nothing is left to destroy then).</summary>
    public static Task RunAsync(ChannelConnection connection, string? joinRef, string topic, List<int> cids, Func<int, bool> shown, Action<IEnumerable<int>> prune)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(joinRef, connection.NextRef(), topic, ProtocolNames.CidsWillDestroy, new Dictionary<string, object?> { ["cids"] = cids }, _ =>
        {
            var stillGone = cids.Where(cid => !shown(cid)).ToList();
            if (stillGone.Count == 0)
            {
                done.TrySetResult();
                return;
            }
            connection.Push(joinRef, connection.NextRef(), topic, ProtocolNames.CidsDestroyed, new Dictionary<string, object?> { ["cids"] = stillGone }, reply =>
            {
                if (reply.GetProperty("response").TryGetProperty("cids", out var destroyed) && destroyed.ValueKind == JsonValueKind.Array)
                {
                    prune([.. destroyed.EnumerateArray().Where(cid => cid.ValueKind == JsonValueKind.Number).Select(cid => cid.GetInt32())]);
                }
                done.TrySetResult();
            }, _ => done.TrySetResult());
        }, _ => done.TrySetResult());
        return done.Task;
    }
}
