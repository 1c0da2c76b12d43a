using System.Diagnostics;
using System.Runtime;

namespace Rekindle.BenchApp;

/// <summary>
/// Measurement only, like the Blazor baseline's Diagnostics.cs: counts live sockets and connected
/// mounts, and serves <c>GET /_stats[?gc=true]</c> with the same fields the baseline scripts read.
/// </summary>
/// <remarks>
/// <c>circuitsOpen</c> (the key the baseline scripts read) is the number of connected views alive:
/// incremented by a connected mount, decremented when the runtime disposes the view at the end of
/// its life. <c>socketsOpen</c> counts open WebSocket connections on <c>/live/websocket</c>
/// (a middleware around the request); with one view per page they agree.
/// </remarks>
public static class BenchStats
{
    private static int s_socketsOpen;
    private static long s_socketsTotal;
    private static long s_viewsMounted;
    private static int s_viewsOpen;

    /// <summary>Counts a connected mount; returns true so the view remembers to uncount itself.</summary>
    public static bool ViewMounted()
    {
        Interlocked.Increment(ref s_viewsMounted);
        Interlocked.Increment(ref s_viewsOpen);
        return true;
    }

    public static void ViewEnded(ref bool counted)
    {
        if (counted)
        {
            counted = false;
            Interlocked.Decrement(ref s_viewsOpen);
        }
    }

    /// <summary>Counts requests to the live socket path for as long as they run (the WebSocket's lifetime).</summary>
    public static IApplicationBuilder UseSocketCounting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Path != "/live/websocket")
        {
            await next(context);
            return;
        }
        Interlocked.Increment(ref s_socketsOpen);
        Interlocked.Increment(ref s_socketsTotal);
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref s_socketsOpen);
        }
    });

    public static void MapStats(this WebApplication app) => app.MapGet("/_stats", (bool? gc) =>
    {
        if (gc == true)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var p = Process.GetCurrentProcess();
        var open = Volatile.Read(ref s_viewsOpen);
        return Results.Json(new
        {
            pid = Environment.ProcessId,
            circuitsOpen = open,
            circuitsConnected = open,
            circuitsTotalOpened = Interlocked.Read(ref s_viewsMounted),
            viewsOpen = open,
            socketsOpen = Volatile.Read(ref s_socketsOpen),
            socketsTotalOpened = Interlocked.Read(ref s_socketsTotal),
            workingSet = p.WorkingSet64,
            privateBytes = p.PrivateMemorySize64,
            gcTotalMemory = GC.GetTotalMemory(false),
            gcHeapSize = info.HeapSizeBytes,
            gcCommitted = info.TotalCommittedBytes,
            gcFragmented = info.FragmentedBytes,
            serverGC = GCSettings.IsServerGC,
            concurrentGC = GCSettings.LatencyMode != GCLatencyMode.Batch,
            gcCount = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            threads = p.Threads.Count,
            threadPoolThreads = ThreadPool.ThreadCount,
            threadPoolQueue = ThreadPool.PendingWorkItemCount,
            cpuSeconds = Math.Round(p.TotalProcessorTime.TotalSeconds, 2),
        });
    });
}
