namespace Rekindle.Transport;

/// <summary>
/// The stock client sends no heartbeats over long polling (docs/protocol.md §1.8), so each GET of a
/// session that has been quiet for a while stands in for one: a heartbeat frame is received in the
/// client's name, which keeps the socket's idle timeout from ending a session whose browser still
/// polls, and its reply is dropped before it reaches the client.
/// </summary>
internal static class LongPollKeepAlive
{
    private const string Ref = "rekindle-longpoll";

    public const string Frame = $"[null,\"{Ref}\",\"phoenix\",\"heartbeat\",{{}}]";

    public const string ReplyPrefix = $"[null,\"{Ref}\",";
}
