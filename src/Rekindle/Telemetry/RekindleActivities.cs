using System.Diagnostics;

namespace Rekindle.Telemetry;

/// <summary>
/// Rekindle's <see cref="ActivitySource"/> and the two ways its spans start. With no listener
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null before allocating, and
/// <see cref="StartLinked"/> checks <see cref="ActivitySource.HasListeners"/> before building its link.
/// </summary>
internal static class RekindleActivities
{
    public static readonly ActivitySource Source = new(RekindleTelemetry.ActivitySourceName, typeof(RekindleActivities).Assembly.GetName().Version?.ToString());

    /// <summary>A span inside the current one (a render, a snapshot save), or a root when there is none.</summary>
    public static Activity? StartChild(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>
    /// A root span for one message a view handles, linked to the request that opened its connection.
    /// A root and not a child: a socket lives for hours, and one trace per connection would grow without end.
    /// </summary>
    public static Activity? StartLinked(string name, ActivityKind kind, ActivityContext connection, string view, string channel)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        ActivityLink[]? links = connection == default ? null : [new ActivityLink(connection)];
        var activity = Source.StartActivity(name, kind, parentContext: default, tags: null, links: links);
        activity?.SetTag(TelemetryTags.View, view);
        activity?.SetTag(TelemetryTags.Channel, channel);
        return activity;
    }

    /// <summary>Marks the span failed with the exception's type; the message is left out, as it may carry user data.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error);
        activity.SetTag(TelemetryTags.ErrorType, exception.GetType().FullName);
    }

    public static string ViewName(Type viewType) => viewType.FullName ?? viewType.Name;

    public static string EventName(string name) => name.Length <= TelemetryTags.MaxEventNameLength ? name : name[..TelemetryTags.MaxEventNameLength];
}
