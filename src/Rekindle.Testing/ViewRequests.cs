using System.Text.Json;
using Rekindle.Wire;

namespace Rekindle.Testing;

/// <summary>
/// What the test sends on a view's channel and waits for: events, <c>live_patch</c>, upload
/// pushes. Each completes after its reply's diff is merged and the components it removed are
/// destroyed on the server.
/// </summary>
internal sealed class ViewRequests(ViewChannel channel)
{
    /// <summary>Sends a push of <paramref name="eventName"/> (<c>allow_upload</c>, <c>progress</c>) and returns the whole ok response once its diff is merged.</summary>
    public async Task<JsonElement> PushForResponseAsync(string eventName, Dictionary<string, object?> payload, string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        JsonElement response = default;
        await SendAsync(eventName, payload, description, ok => response = ok.Clone(), timeout, cancellationToken);
        return response;
    }

    /// <summary>Sends an <c>event</c> push and returns the reply's <c>"r"</c> once its diff is merged.</summary>
    public Task<JsonElement?> PushEventAsync(Dictionary<string, object?> payload, string description, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(ProtocolNames.Event, payload, description, onOk: null, timeout, cancellationToken);

    /// <summary>
    /// Follows a live link as the client does (docs/protocol.md §8.1–8.3): a patch link sends
    /// <c>live_patch</c> (the server answers with its diff, or <c>link_redirect</c> when the URL is
    /// another view's); a navigate link leaves this view for the target.
    /// </summary>
    public async Task FollowLinkAsync(string href, bool patch, bool replace, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!patch)
        {
            channel.NavigateAway(new LiveNavigation(LiveNavigationKind.LiveRedirect, href, replace));
            return;
        }
        var payload = new Dictionary<string, object?> { ["url"] = new Uri(channel.Url, href).ToString() };
        await SendAsync(ProtocolNames.LivePatch, payload, $"live_patch to {href}", response =>
        {
            var elsewhere = response.TryGetProperty("link_redirect", out var redirect) && redirect.ValueKind == JsonValueKind.True;
            channel.Navigate(new LiveNavigation(elsewhere ? LiveNavigationKind.LiveRedirect : LiveNavigationKind.Patch, href, replace));
        }, timeout, cancellationToken);
    }

    private async Task<JsonElement?> SendAsync(string eventName, Dictionary<string, object?> payload, string description, Action<JsonElement>? onOk, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (connection, joinRef, topic) = channel.Sender(description);
        var replied = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(joinRef, connection.NextRef(), topic, eventName, payload,
            reply => Settle.With(replied, () => channel.OnEventReply(reply, description, onOk)),
            failure => replied.TrySetException(new LiveViewTestException($"No reply to {description}: {failure.Message}", failure)));
        try
        {
            var reply = await replied.Task.WaitAsync(timeout, cancellationToken);
            // Components this reply removed are gone on the server too once the action returns.
            await channel.Destroying.WaitAsync(timeout, cancellationToken);
            return reply;
        }
        catch (TimeoutException)
        {
            throw new LiveViewTestException($"No reply to {description} within {timeout.TotalSeconds} s.");
        }
    }
}
