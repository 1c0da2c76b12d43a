using System.Diagnostics;
using Rekindle.Telemetry;

namespace Rekindle.Tests.Telemetry;

/// <summary>
/// With nothing listening to the Rekindle source (no test in this project attaches a listener to
/// it), a view's spans cost a null check: no span, no link, no tags, no allocation.
/// </summary>
public sealed class RekindleActivitiesTests
{
    [Fact]
    public void StartLinked_NoListener_ReturnsNullWithoutAllocating()
    {
        var connection = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Assert.False(RekindleActivities.Source.HasListeners());
        Assert.Null(RekindleActivities.StartLinked("rekindle.event", ActivityKind.Server, connection, "View", "lv:phx-1"));

        var failure = new InvalidOperationException();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            using var linked = RekindleActivities.StartLinked("rekindle.event", ActivityKind.Server, connection, "View", "lv:phx-1");
            using var child = RekindleActivities.StartChild("rekindle.render");
            child?.SetTag(TelemetryTags.RenderBytes, i);
            RekindleActivities.Fail(linked, failure);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void EventName_LongerThanTheCap_IsCut()
    {
        var hostile = new string('x', 10_000);

        Assert.Equal(TelemetryTags.MaxEventNameLength, RekindleActivities.EventName(hostile).Length);
        Assert.Equal("inc", RekindleActivities.EventName("inc"));
    }
}
