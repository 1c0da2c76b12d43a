using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Telemetry;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// The spans and measurements of a view as OpenTelemetry would record them: an ActivityListener on
/// the Rekindle source (and ASP.NET Core's, for the request the socket came in on) and a
/// MeterListener on this host's meter. Other test classes run views at the same time, so every
/// assertion selects this test's view by its channel topic.
/// </summary>
public sealed class TelemetryTests : IClassFixture<HostFixture>, IDisposable
{
    private readonly HostFixture _fixture;
    private const string AspNetCoreSource = "Microsoft.AspNetCore";
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TelemetryTests(HostFixture fixture)
    {
        _fixture = fixture;
        _listener = Listen(_started, _stopped);
    }

    private Uri BaseAddress => _fixture.Host.BaseAddress;

    [Fact]
    public async Task Join_WebSocket_SpanIsChildOfTheSocketRequestWithViewAndResult()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        await client.JoinAsync();

        var join = await StoppedAsync("rekindle.join", client.Topic);
        Assert.Equal(ActivityKind.Server, join.Kind);
        Assert.Equal("Ballots.Counter.CounterLive", join.GetTagItem("rekindle.view"));
        Assert.Equal("mounted", join.GetTagItem("rekindle.join.result"));
        var request = Assert.Single(_started, activity => activity.Source.Name == AspNetCoreSource && activity.SpanId == join.ParentSpanId);
        Assert.Equal(request.TraceId, join.TraceId);
        var render = await ChildAsync(join, "rekindle.render");
        Assert.True((int)render.GetTagItem("rekindle.render.bytes")! > 100);
    }

    [Fact]
    public async Task Event_Click_SpanIsARootLinkedToTheSocketRequestWithEventName()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();
        var join = await StoppedAsync("rekindle.join", client.Topic);

        await client.ClickAsync(joinRef, "inc");

        var click = await StoppedAsync("rekindle.event", client.Topic);
        Assert.Equal(ActivityKind.Server, click.Kind);
        Assert.Equal("inc", click.GetTagItem("rekindle.event"));
        Assert.Equal("Ballots.Counter.CounterLive", click.GetTagItem("rekindle.view"));
        Assert.Equal(default, click.ParentSpanId);
        var link = Assert.Single(click.Links);
        Assert.Equal(join.ParentSpanId, link.Context.SpanId);
        Assert.Equal(join.TraceId, link.Context.TraceId);
        Assert.Equal(ActivityStatusCode.Unset, click.Status);
        await ChildAsync(click, "rekindle.render");
    }

    [Fact]
    public async Task Event_FormValues_NeverInAnySpan()
    {
        const string secret = "hunter2-in-a-form";
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/form");
        var (joinRef, _) = await client.JoinAsync();

        await client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "validate",
            ["value"] = $"user%5Bname%5D={secret}",
            ["meta"] = new JsonObject { ["_target"] = "user[name]" },
            ["uploads"] = new JsonObject(),
        });

        var validate = await StoppedAsync("rekindle.event", client.Topic);
        Assert.Equal("validate", validate.GetTagItem("rekindle.event"));
        var tagValues = _stopped.Where(activity => activity.TraceId == validate.TraceId).SelectMany(activity => activity.TagObjects).Select(tag => tag.Value?.ToString() ?? "");
        Assert.DoesNotContain(tagValues, value => value.Contains(secret, StringComparison.Ordinal) || value.Contains(client.Page.Session, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_HandlerThrows_SpanFailsWithTheExceptionType()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/crash");
        var (joinRef, _) = await client.JoinAsync();

        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "event", new JsonObject { ["type"] = "click", ["event"] = "boom", ["value"] = new JsonObject() }));

        var boom = await StoppedAsync("rekindle.event", client.Topic);
        Assert.Equal(ActivityStatusCode.Error, boom.Status);
        Assert.Equal("System.InvalidOperationException", boom.GetTagItem("error.type"));
        Assert.DoesNotContain(boom.TagObjects, tag => tag.Value?.ToString()?.Contains("boom from CrashLive", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Broadcast_ToSubscribedView_ConsumerSpanNamesTheTopic()
    {
        var topic = Guid.NewGuid().ToString("N");
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/feed/" + topic);
        await client.JoinAsync();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        (await http.PostAsync($"/test/feed/{topic}?message=hello", null)).EnsureSuccessStatusCode();

        var broadcast = await StoppedAsync("rekindle.broadcast", client.Topic);
        Assert.Equal(ActivityKind.Consumer, broadcast.Kind);
        Assert.Equal(FeedTopic(topic), broadcast.GetTagItem("messaging.destination.name"));
        Assert.Equal("process", broadcast.GetTagItem("messaging.operation.type"));
    }

    [Fact]
    public async Task Metrics_JoinAndEvent_CountedWithTheirDuration()
    {
        var factory = _fixture.Host.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? View, string? Result)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            // Meters from this host's factory only: the other hosts in the process count their own views.
            if (instrument.Meter.Name == RekindleTelemetry.MeterName && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? view = null, result = null;
            foreach (var tag in tags)
            {
                view = tag.Key == "rekindle.view" ? tag.Value as string : view;
                result = tag.Key == "rekindle.join.result" ? tag.Value as string : result;
            }
            measurements.Enqueue((instrument.Name, value, view, result));
        }
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();

        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/crash");
        var (joinRef, _) = await client.JoinAsync();
        await client.ClickAsync(joinRef, "click");
        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "event", new JsonObject { ["type"] = "click", ["event"] = "boom", ["value"] = new JsonObject() }));
        await StoppedAsync("rekindle.event", client.Topic, ActivityStatusCode.Error);

        const string view = "Rekindle.TestApp.CrashLive";
        Assert.Contains(measurements, m => m is { Instrument: "rekindle.view.joins", Value: 1, Result: "mounted" });
        Assert.Contains(measurements, m => m is { Instrument: "rekindle.view.events", Value: 1, View: view });
        Assert.Contains(measurements, m => m.Instrument == "rekindle.event.duration" && m.View == view && m.Value > 0 && m.Value < 10);
        await WaitUntilAsync(() => measurements.Any(m => m is { Instrument: "rekindle.view.crashes", Value: 1, View: view }), "a crash counted for " + view);
    }

    public void Dispose() => _listener.Dispose();

    private static string FeedTopic(string topic) => Rekindle.TestApp.FeedLive.TopicPrefix + topic;

    private static ActivityListener Listen(ConcurrentQueue<Activity> started, ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RekindleTelemetry.ActivitySourceName or AspNetCoreSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Enqueue,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>A reply leaves while its span is still open, so the span is awaited rather than expected at once.</summary>
    private async Task<Activity> StoppedAsync(string name, string channel, ActivityStatusCode? status = null)
    {
        Activity? found = null;
        await WaitUntilAsync(() => (found = _stopped.FirstOrDefault(activity => activity.OperationName == name
            && activity.Source.Name == RekindleTelemetry.ActivitySourceName
            && (string?)activity.GetTagItem("rekindle.channel") == channel
            && (status is null || activity.Status == status))) is not null, $"a stopped {name} span on {channel}");
        return found!; // WaitUntilAsync returned, so the condition that set it held
    }

    private async Task<Activity> ChildAsync(Activity parent, string name)
    {
        Activity? found = null;
        await WaitUntilAsync(() => (found = _stopped.FirstOrDefault(activity => activity.OperationName == name && activity.ParentSpanId == parent.SpanId)) is not null, $"a {name} span under {parent.OperationName}");
        return found!; // WaitUntilAsync returned, so the condition that set it held
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {what} within 10 s.");
            await Task.Delay(20);
        }
    }
}
