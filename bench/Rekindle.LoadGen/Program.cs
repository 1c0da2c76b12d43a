using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rekindle.LoadGen;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Options.HelpRequested)
{
    Console.WriteLine(Options.Usage);
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{Options.Usage}");
    return 2;
}

// Every run stops by itself: the whole run is bounded by --max-seconds.
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; deadline.Cancel(); };
using var ctx = new LoadContext(options);
var runner = new Runner(ctx, deadline.Token);
return await runner.RunAsync();

internal sealed class Runner(LoadContext ctx, CancellationToken deadline)
{
    private readonly Options _o = ctx.Options;
    private readonly List<ViewClient> _views = [];
    private readonly JsonObject _report = [];

    public async Task<int> RunAsync()
    {
        var inv = CultureInfo.InvariantCulture;
        _report["url"] = _o.Url.ToString();
        _report["path"] = _o.Path;
        _report["viewsRequested"] = _o.Views;
        _report["ramp"] = _o.Ramp;
        _report["rate"] = _o.Rate;
        _report["duration"] = _o.Duration;
        _report["viewsPerSocket"] = _o.ViewsPerSocket;
        Log($"target {_o.Url}{_o.Path.TrimStart('/')}: {_o.Views} views ({_o.ViewsPerSocket} per socket) at {_o.Ramp}/s, then {_o.Duration} s at {_o.Rate} events/s/view (limit {_o.MaxSeconds:F0} s)");

        var initial = await StatsAsync(gc: false);
        if (initial is null)
        {
            Log("note: GET /_stats failed; server memory will not be reported");
        }
        if (_o.Warmup > 0)
        {
            await WarmupAsync();
        }
        JsonObject? before = null, beforeGc = null;
        long? beforeRss = null, beforeRssNoGc = null;
        if (_o.Memory)
        {
            await Task.Delay(TimeSpan.FromSeconds(_o.Settle), deadline);
            before = await StatsAsync(gc: false);
            beforeRssNoGc = RssKiB(before);
            beforeGc = await StatsAsync(gc: true);
            await Task.Delay(500, deadline);
            beforeRss = RssKiB(beforeGc);
            _report["before"] = before;
            _report["beforeGc"] = beforeGc;
            _report["beforeRssKiB"] = beforeRss;
            _report["beforeRssNoGcKiB"] = beforeRssNoGc;
        }

        // ---- ramp ----
        var rampWatch = Stopwatch.StartNew();
        var opened = await OpenViewsAsync(_o.Views, _views);
        var openSeconds = rampWatch.Elapsed.TotalSeconds;
        _report["viewsOpened"] = opened;
        _report["openSeconds"] = Math.Round(openSeconds, 2);
        Log($"opened {opened}/{_o.Views} views in {openSeconds:F1} s, errors so far {ctx.Errors.Total}");

        if (_o.Memory)
        {
            await Task.Delay(TimeSpan.FromSeconds(_o.Settle), deadline);
            var after = await StatsAsync(gc: false);
            var afterRssNoGc = RssKiB(after);
            var afterGc = await StatsAsync(gc: true);
            await Task.Delay(500, deadline);
            var afterRss = RssKiB(afterGc);
            _report["after"] = after;
            _report["afterGc"] = afterGc;
            _report["afterRssKiB"] = afterRss;
            _report["afterRssNoGcKiB"] = afterRssNoGc;
            if (before is not null && beforeGc is not null && after is not null && afterGc is not null && opened > 0)
            {
                var perView = new JsonObject
                {
                    ["n"] = opened,
                    ["serverReportedOpen"] = afterGc["circuitsOpen"]?.GetValue<long>(),
                    ["gcHeapAfterFullGcBytes"] = PerView(beforeGc, afterGc, "gcHeapSize", opened),
                    ["workingSetAfterFullGcBytes"] = PerView(beforeGc, afterGc, "workingSet", opened),
                    ["workingSetNoForcedGcBytes"] = PerView(before, after, "workingSet", opened),
                    ["gcCommittedNoForcedGcBytes"] = PerView(before, after, "gcCommitted", opened),
                };
                if (beforeRss is { } rb && afterRss is { } ra)
                {
                    perView["rssAfterFullGcBytes"] = Math.Round((ra - rb) * 1024.0 / opened, 1);
                }
                if (beforeRssNoGc is { } rbn && afterRssNoGc is { } ran)
                {
                    perView["rssNoForcedGcBytes"] = Math.Round((ran - rbn) * 1024.0 / opened, 1);
                }
                _report["memoryPerView"] = perView;
                Log(string.Create(inv, $"memory per view (N={opened}): GC heap {perView["gcHeapAfterFullGcBytes"]!.GetValue<double>() / 1024:F1} KiB, RSS after full GC {(perView["rssAfterFullGcBytes"]?.GetValue<double>() ?? perView["workingSetAfterFullGcBytes"]!.GetValue<double>()) / 1024:F1} KiB"));
            }
        }

        // ---- hold, with events ----
        // Server CPU over the hold divided by the events replied in it: the bench's CPU per event (issue 23).
        var cpuBefore = await StatsAsync(gc: false);
        // The client's own CPU over the hold: near the machine's cores means the load generator, not the
        // server, is what saturated (bench/README.md, "10,000 views × 1/s").
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var hold = Stopwatch.StartNew();
        var until = Stopwatch.GetTimestamp() + (long)(_o.Duration * Stopwatch.Frequency);
        ctx.Measuring = true;
        var sentBefore = Interlocked.Read(ref ctx.EventsSent);
        var repliedBefore = Interlocked.Read(ref ctx.EventsReplied);
        var eventTasks = _o.Rate > 0 ? _views.Select(v => v.RunEventsAsync(_o.Rate, until, deadline)).ToArray() : [];
        var progress = ProgressAsync(until);
        try
        {
            await Task.WhenAll(eventTasks);
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, deadline);
            }
        }
        catch (OperationCanceledException)
        {
            ctx.Errors.Add("run limit reached", $"--max-seconds {_o.MaxSeconds}");
        }
        var holdSeconds = hold.Elapsed.TotalSeconds;
        var clientCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalSeconds;
        // Outstanding replies get the per-event timeout to arrive.
        var drain = Stopwatch.StartNew();
        while (_views.Sum(v => v.OutstandingEvents) > 0 && drain.Elapsed.TotalSeconds < _o.Timeout && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
        ctx.Measuring = false;
        await progress;
        var cpuAfter = await StatsAsync(gc: false);
        if (_o.Reconnect)
        {
            var rejoinWait = Stopwatch.StartNew();
            while (ctx.Recovery.Pending > 0 && rejoinWait.Elapsed.TotalSeconds < _o.RejoinWait && !deadline.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
            var recovery = ctx.Recovery;
            _report["recovery"] = new JsonObject
            {
                ["dropped"] = recovery.Dropped,
                ["rejoined"] = recovery.RejoinedCount,
                ["restored"] = recovery.Restored,
                ["inflightLost"] = recovery.InflightLost,
                ["dropToAllRejoinedMs"] = recovery.DropToAllRejoinedMs is { } ms ? Math.Round(ms, 1) : null,
                ["eventsSkippedWhileDown"] = Interlocked.Read(ref ctx.EventsSkipped),
                ["eventsLost"] = recovery.EventsLost,
                ["restoreMs"] = Describe([.. recovery.RestoreMs.Order()]),
            };
            if (recovery.Pending > 0)
            {
                ctx.Errors.Add("view did not rejoin", $"{recovery.Pending} of {recovery.Dropped} dropped views not back after {_o.RejoinWait} s");
            }
            Log($"recovery: {recovery.Dropped} dropped, {recovery.RejoinedCount} rejoined, {recovery.Restored} with their state; first drop to all rejoined {(recovery.DropToAllRejoinedMs is { } t ? $"{t:F0} ms" : "n/a")}");
        }
        var lost = _views.Sum(v => v.OutstandingEvents);
        if (lost > 0)
        {
            ctx.Errors.Add("event reply timed out", $"{lost} events without a reply after {_o.Timeout} s");
        }
        var stillOpen = _views.Count(v => v.IsOpen);
        _report["viewsOpenAtEnd"] = stillOpen;
        var sent = Interlocked.Read(ref ctx.EventsSent) - sentBefore;
        var replied = Interlocked.Read(ref ctx.EventsReplied) - repliedBefore;
        var samples = _views.SelectMany(v => v.Samples).ToArray();
        Array.Sort(samples);
        _report["events"] = new JsonObject
        {
            ["sent"] = sent,
            ["replied"] = replied,
            ["perSecond"] = Math.Round(replied / Math.Max(holdSeconds, 0.001), 1),
            ["lateTicks"] = Interlocked.Read(ref ctx.LateTicks),
            ["heartbeats"] = Interlocked.Read(ref ctx.Heartbeats),
            ["otherPushes"] = Interlocked.Read(ref ctx.OtherPushes),
        };
        _report["roundTripMs"] = Describe(samples);
        if (CpuSeconds(cpuBefore) is { } cpuStart && CpuSeconds(cpuAfter) is { } cpuEnd && replied > 0)
        {
            _report["serverCpuUsPerEvent"] = Math.Round((cpuEnd - cpuStart) * 1e6 / replied, 1);
            _report["serverCpuCores"] = Math.Round((cpuEnd - cpuStart) / Math.Max(holdSeconds, 0.001), 2);
            Log(string.Create(inv, $"server CPU per event: {(cpuEnd - cpuStart) * 1e6 / replied:F1} µs ({cpuEnd - cpuStart:F2} s for {replied} events)"));
        }
        _report["clientCpuCores"] = Math.Round(clientCpuSeconds / Math.Max(holdSeconds, 0.001), 2);
        _report["payloadBytes"] = PayloadBytes();
        var final = await StatsAsync(gc: false);
        _report["final"] = final;

        // ---- close ----
        await CloseAllAsync(_views);
        _report["errors"] = ErrorsJson();
        _report["errorsTotal"] = ctx.Errors.Total;
        PrintSummary(stillOpen, replied, holdSeconds, samples, final);
        if (_o.JsonPath is { } path)
        {
            await File.WriteAllTextAsync(path, _report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        return ctx.Errors.Total == 0 && _views.Count == _o.Views ? 0 : 1;
    }

    private async Task WarmupAsync()
    {
        var warm = new List<ViewClient>();
        var count = await OpenViewsAsync(_o.Warmup, warm);
        foreach (var view in warm)
        {
            await view.SendEventAsync(deadline);
        }
        var wait = Stopwatch.StartNew();
        while (warm.Sum(v => v.OutstandingEvents) > 0 && wait.Elapsed.TotalSeconds < _o.Timeout)
        {
            await Task.Delay(20, deadline);
        }
        await CloseAllAsync(warm);
        Log($"warm-up: {count} views opened, clicked and closed");
    }

    /// <summary>
    /// Opens views at the ramp rate with at most --concurrency sockets in flight; returns how many joined.
    /// With --views-per-socket K, each socket's K views open one after another on it.
    /// </summary>
    private async Task<int> OpenViewsAsync(int count, List<ViewClient> into)
    {
        using var gate = new SemaphoreSlim(_o.Concurrency);
        var tasks = new List<Task>(count);
        var opened = 0;
        var start = Stopwatch.GetTimestamp();
        var lastLog = Stopwatch.StartNew();
        var perSocket = _o.ViewsPerSocket;
        for (var i = 0; i < count && !deadline.IsCancellationRequested; i += perSocket)
        {
            var due = start + (long)(i / _o.Ramp * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            try
            {
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, deadline);
                }
                await gate.WaitAsync(deadline);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var viewsOnSocket = Math.Min(perSocket, count - i);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    ViewClient? owner = null;
                    for (var v = 0; v < viewsOnSocket; v++)
                    {
                        var view = new ViewClient(ctx, owner);
                        if (!await view.OpenAsync(deadline))
                        {
                            continue;
                        }
                        owner ??= view;
                        if (_o.ClickOnOpen)
                        {
                            await view.SendEventAsync(deadline);
                            var wait = Stopwatch.StartNew();
                            while (view.OutstandingEvents > 0 && wait.Elapsed.TotalSeconds < _o.Timeout && !deadline.IsCancellationRequested)
                            {
                                await Task.Delay(5, deadline);
                            }
                        }
                        lock (into)
                        {
                            into.Add(view);
                        }
                        Interlocked.Increment(ref opened);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The run limit was reached while this view was opening.
                }
                finally
                {
                    gate.Release();
                }
            }));
            if (lastLog.Elapsed.TotalSeconds >= 5)
            {
                lastLog.Restart();
                Log($"  ramp: {Volatile.Read(ref opened)} open, {i + viewsOnSocket - Volatile.Read(ref opened)} in flight or failed, errors {ctx.Errors.Total}");
            }
        }
        await Task.WhenAll(tasks);
        return opened;
    }

    private static async Task CloseAllAsync(List<ViewClient> views)
    {
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(views.Select(async v =>
        {
            await gate.WaitAsync();
            try
            {
                await v.CloseAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task ProgressAsync(long until)
    {
        var last = Interlocked.Read(ref ctx.EventsReplied);
        var watch = Stopwatch.StartNew();
        while (Stopwatch.GetTimestamp() < until && !deadline.IsCancellationRequested)
        {
            try
            {
                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
                await Task.Delay(left < TimeSpan.FromSeconds(5) ? left : TimeSpan.FromSeconds(5), deadline);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = Interlocked.Read(ref ctx.EventsReplied);
            if (watch.Elapsed.TotalSeconds < 1)
            {
                continue;
            }
            var server = await StatsAsync(gc: false);
            var serverPool = server is null ? "" : $"; server pool {server["threadPoolThreads"]} threads, {server["threadPoolQueue"]} queued, cpu {server["cpuSeconds"]} s";
            Log($"  hold: {_views.Count(v => v.IsOpen)} open, {(now - last) / watch.Elapsed.TotalSeconds:F0} events/s, errors {ctx.Errors.Total}; client pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued{serverPool}");
            last = now;
            watch.Restart();
        }
    }

    private JsonObject PayloadBytes()
    {
        var joined = _views.Where(v => v.JoinReceivedBytes > 0).ToArray();
        var replied = _views.Sum(v => (long)v.EventsReplied);
        return new JsonObject
        {
            ["joinSent"] = joined.Length == 0 ? null : Math.Round(joined.Average(v => v.JoinSentBytes), 1),
            ["joinReceived"] = joined.Length == 0 ? null : Math.Round(joined.Average(v => v.JoinReceivedBytes), 1),
            ["eventSent"] = replied == 0 ? null : Math.Round(_views.Sum(v => v.EventSentBytes) / (double)replied, 1),
            ["eventReceived"] = replied == 0 ? null : Math.Round(_views.Sum(v => v.EventReceivedBytes) / (double)replied, 1),
        };
    }

    private JsonObject ErrorsJson()
    {
        var errors = new JsonObject();
        foreach (var (kind, (count, example)) in ctx.Errors.Snapshot())
        {
            errors[kind] = new JsonObject { ["count"] = count, ["example"] = example };
        }
        return errors;
    }

    private void PrintSummary(int stillOpen, long replied, double holdSeconds, float[] samples, JsonObject? final)
    {
        var inv = CultureInfo.InvariantCulture;
        var lat = samples.Length == 0
            ? "no samples"
            : string.Create(inv, $"p50 {Pct(samples, 50):F2} ms, p95 {Pct(samples, 95):F2} ms, p99 {Pct(samples, 99):F2} ms, max {samples[^1]:F2} ms (n={samples.Length})");
        var bytes = PayloadBytes();
        Console.WriteLine("---- Rekindle.LoadGen summary ----");
        Console.WriteLine($"views: {_views.Count}/{_o.Views} opened, {stillOpen} open at the end of the hold");
        Console.WriteLine(string.Create(inv, $"events: {replied} replied in {holdSeconds:F1} s = {replied / Math.Max(holdSeconds, 0.001):F1} events/s"));
        Console.WriteLine($"round trip: {lat}");
        Console.WriteLine($"payload bytes: join {bytes["joinSent"]} sent / {bytes["joinReceived"]} received; per event {bytes["eventSent"]} sent / {bytes["eventReceived"]} received");
        if (final is not null)
        {
            Console.WriteLine(string.Create(inv, $"server: {final["circuitsOpen"]} views open on {final["socketsOpen"]} sockets, working set {final["workingSet"]!.GetValue<long>() / 1048576.0:F1} MiB, GC heap {final["gcHeapSize"]!.GetValue<long>() / 1048576.0:F1} MiB"));
        }
        Console.WriteLine($"errors: {ctx.Errors.Total}");
        foreach (var (kind, (count, example)) in ctx.Errors.Snapshot())
        {
            Console.WriteLine($"  {kind}: {count} (e.g. {example})");
        }
    }

    private static double? CpuSeconds(JsonObject? stats) => stats?["cpuSeconds"]?.GetValue<double>();

    private async Task<JsonObject?> StatsAsync(bool gc)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(deadline);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var text = await ctx.Http.GetStringAsync(gc ? "/_stats?gc=true" : "/_stats", timeout.Token);
            return JsonNode.Parse(text)?.AsObject();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>VmRSS of the server process in KiB, when it runs on this machine (it must: loopback only).</summary>
    private static long? RssKiB(JsonObject? stats)
    {
        try
        {
            if (stats?["pid"]?.GetValue<int>() is not { } pid)
            {
                return null;
            }
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
        }
        return null;
    }

    private static double PerView(JsonObject before, JsonObject after, string key, int n) =>
        Math.Round((after[key]!.GetValue<long>() - before[key]!.GetValue<long>()) / (double)n, 1);

    private static double Pct(float[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1))];

    private static JsonObject Describe(float[] sorted) => sorted.Length == 0
        ? new JsonObject { ["n"] = 0 }
        : new JsonObject
        {
            ["n"] = sorted.Length,
            ["min"] = Math.Round(sorted[0], 3),
            ["p50"] = Math.Round(Pct(sorted, 50), 3),
            ["p90"] = Math.Round(Pct(sorted, 90), 3),
            ["p95"] = Math.Round(Pct(sorted, 95), 3),
            ["p99"] = Math.Round(Pct(sorted, 99), 3),
            ["max"] = Math.Round(sorted[^1], 3),
            ["mean"] = Math.Round(sorted.Average(x => (double)x), 3),
        };

    private static void Log(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
