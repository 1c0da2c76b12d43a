using System.Text.Json;
using Rekindle.Wire;

namespace Rekindle.Testing;

/// <summary>
/// Sends a <c>phx_join</c> and reads its reply as the client does (docs/protocol.md §3.4–3.5): the
/// rendered tree of an ok reply, the redirect a mount answered with, or the refusal's reason.
/// </summary>
internal static class JoinReply
{
    /// <summary>
    /// Joins and waits; hands an ok reply's rendered tree to <paramref name="onRendered"/> (on the
    /// socket's reader) and returns <see langword="null"/>, or returns the navigation the mount
    /// answered with. A refused or unanswered join disposes the connection and throws.
    /// </summary>
    public static async Task<LiveNavigation?> AwaitAsync(ChannelConnection connection, string joinRef, string topic, Dictionary<string, object?> payload, DeadPage page, LiveBrowser browser, Action<JsonElement> onRendered, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var joined = new TaskCompletionSource<LiveNavigation?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(joinRef, joinRef, topic, ProtocolNames.Join, payload,
            reply => Settle.With(joined, () => Read(reply, page, browser, onRendered)),
            failure => joined.TrySetException(failure));
        try
        {
            return await joined.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync();
            throw exception is TimeoutException
                ? new LiveViewTestException($"The join of {page.Url.PathAndQuery} got no reply within {timeout.TotalSeconds} s.")
                : exception;
        }
    }

    private static LiveNavigation? Read(JsonElement reply, DeadPage page, LiveBrowser browser, Action<JsonElement> onRendered)
    {
        var response = reply.GetProperty("response");
        if (reply.GetProperty("status").GetString() != "ok")
        {
            if (ViewPage.RedirectOf(response) is { } navigation)
            {
                return navigation with { Flash = browser.ReadFlash(navigation.FlashToken) };
            }
            var detail = response.TryGetProperty("reason", out var reason) ? reason.ToString() : response.GetRawText();
            throw new LiveViewTestException($"The join of {page.Url.PathAndQuery} was refused: {detail}.");
        }
        if (!response.TryGetProperty("rendered", out var rendered))
        {
            throw new LiveViewTestException("The join reply has no rendered tree: " + response.GetRawText());
        }
        onRendered(rendered);
        return null;
    }
}
