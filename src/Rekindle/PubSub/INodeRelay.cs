namespace Rekindle.PubSub;

/// <summary>
/// Requests addressed to one node of a cluster, each answered by that node: what the long-poll
/// fallback uses when a load balancer without sticky sessions sends a session's requests to other
/// nodes than the one that holds it (docs/protocol.md §1.8). The default knows this node only;
/// <c>AddRedis</c> relays through Redis.
/// </summary>
/// <remarks>Thread-safe. Requests and replies are strings; the relay neither reads nor logs them.</remarks>
public interface INodeRelay
{
    /// <summary>This process's name in the cluster: letters and digits, different for every process.</summary>
    string Node { get; }

    /// <summary>
    /// Sends <paramref name="request"/> to the <paramref name="purpose"/> handler of <paramref name="node"/>
    /// and waits for its reply.
    /// </summary>
    /// <returns>The reply; <see langword="null"/> when no such node is listening, or it did not reply within <paramref name="timeout"/>.</returns>
    Task<string?> AskAsync(string node, string purpose, string request, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Answers this node's requests for <paramref name="purpose"/> with <paramref name="handler"/> until disposed.</summary>
    /// <param name="purpose">What the requests are for; one handler each.</param>
    /// <param name="handler">Turns a request into its reply; cancelled when the application stops.</param>
    /// <exception cref="InvalidOperationException">A handler for <paramref name="purpose"/> is already registered.</exception>
    IDisposable Answer(string purpose, Func<string, CancellationToken, Task<string>> handler);
}
