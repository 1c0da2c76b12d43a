using Microsoft.Extensions.Logging;

namespace Rekindle.Runtime;

/// <summary>The log lines of a view's process and of the joined view it runs.</summary>
internal static partial class ViewLog
{
    [LoggerMessage(2001, LogLevel.Error, "View {View} on {Topic} crashed; it ends and the client will rejoin.", EventName = nameof(ViewCrashed))]
    public static partial void ViewCrashed(ILogger logger, Exception exception, string view, string topic);

    [LoggerMessage(2002, LogLevel.Debug, "View {View} joined on {Topic}.", EventName = nameof(ViewJoined))]
    public static partial void ViewJoined(ILogger logger, string view, string topic);

    [LoggerMessage(2003, LogLevel.Debug, "Event rejected on {Topic}: {Reason}.", EventName = nameof(EventRejected))]
    public static partial void EventRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(2004, LogLevel.Debug, "View {View} has no handler for event {Event}.", EventName = nameof(EventUnhandled))]
    public static partial void EventUnhandled(ILogger logger, string view, string @event);

    [LoggerMessage(2006, LogLevel.Debug, "Event for component {Cid} on {Topic} ignored: the component is gone.", EventName = nameof(EventForMissingComponent))]
    public static partial void EventForMissingComponent(ILogger logger, int cid, string topic);

    [LoggerMessage(2007, LogLevel.Warning, "{Target} has no handler for form event {Event}; replied ok without changes so the client's form recovery cannot stall. Handle the event (phx-change or phx-auto-recover name) in HandleEventAsync.", EventName = nameof(FormEventUnhandled))]
    public static partial void FormEventUnhandled(ILogger logger, string target, string @event);

    [LoggerMessage(2008, LogLevel.Information, "View {View} on {Topic} restored from snapshot generation {Generation}; {Replayed} missed messages to replay, {LostTopics} topics with messages lost.", EventName = nameof(ViewRestored))]
    public static partial void ViewRestored(ILogger logger, string view, string topic, long generation, int replayed, int lostTopics);

    [LoggerMessage(2009, LogLevel.Warning, "Snapshot of {View} on {Topic} could not be applied; the view starts fresh.", EventName = nameof(RestoreFailed))]
    public static partial void RestoreFailed(ILogger logger, Exception exception, string view, string topic);

    [LoggerMessage(2010, LogLevel.Warning, "Mailbox of {View} on {Topic} is full; dropped a {Message}. Raise Rekindle:Runtime:MailboxCapacity if the view is just slow.", EventName = nameof(MailboxFull))]
    public static partial void MailboxFull(ILogger logger, string view, string topic, string message);

    [LoggerMessage(2011, LogLevel.Error, "View {View} on {Topic} took longer than {Timeout} for one message (Rekindle:Runtime:HandlerTimeout); it ends and the client will rejoin.", EventName = nameof(HandlerTimedOut))]
    public static partial void HandlerTimedOut(ILogger logger, string view, string topic, TimeSpan timeout);

    [LoggerMessage(2005, LogLevel.Debug, "Unsupported push {Event} on {Topic}.", EventName = nameof(UnsupportedPush))]
    public static partial void UnsupportedPush(ILogger logger, string @event, string topic);

    [LoggerMessage(2012, LogLevel.Information, "View {View} on {Topic} rejoined without its state and mounted fresh: {Reason}.", EventName = nameof(StateNotRestored))]
    public static partial void StateNotRestored(ILogger logger, string view, string topic, string reason);
}
