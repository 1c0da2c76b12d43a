using System.Text.Json;

namespace Rekindle.Runtime;

/// <summary>A message in a view's mailbox. Handled one at a time, in arrival order.</summary>
internal abstract record ViewMessage;

/// <summary>The client's <c>phx_join</c> for the view's topic.</summary>
internal sealed record JoinMessage(string? Ref, JsonElement Payload) : ViewMessage;

/// <summary>Any other client push on the view's topic (<c>event</c>, <c>live_patch</c>, <c>cids_*</c>…).</summary>
internal sealed record ClientPushMessage(string? Ref, string Event, JsonElement Payload) : ViewMessage;

/// <summary>The client's <c>phx_leave</c>: reply and end the view.</summary>
internal sealed record LeaveMessage(string? Ref) : ViewMessage;

/// <summary>A server-side message for <c>HandleInfoAsync</c>.</summary>
internal sealed record InfoMessage(object Message) : ViewMessage;

/// <summary>A PubSub message for <c>HandleInfoAsync</c>, with its place in the topic's log.</summary>
internal sealed record BroadcastMessage(PubSub.PubSubMessage Broadcast) : ViewMessage;

/// <summary>A custom upload writer failed an entry (off the loop): the entry shows the failure until cancelled.</summary>
internal sealed record UploadFailedMessage(string UploadRef, string EntryRef, string Reason) : ViewMessage;
