using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Rekindle.LoadGen;

/// <summary>What every view of a run shares: options, the HTTP clients, counters and the error log.</summary>
internal sealed class LoadContext : IDisposable
{
    private int _nextSource;

    public LoadContext(Options options)
    {
        Options = options;
        IsBallot = options.Path.StartsWith("/ballot", StringComparison.Ordinal);
        // Pages: pooled keep-alive connections, no cookie container (each view keeps its own cookie).
        Http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Math.Max(4, options.Concurrency),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = ConnectAsync,
        })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(Math.Max(options.Timeout, 60)),
        };
        // WebSockets: one shared handler, so each ClientWebSocket carries no handler of its own.
        SocketInvoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = ConnectAsync,
        });
    }

    public Options Options { get; }

    public bool IsBallot { get; }

    public HttpClient Http { get; }

    public HttpMessageInvoker SocketInvoker { get; }

    public ErrorLog Errors { get; } = new();

    /// <summary>Whether round trips are recorded (only after the ramp, in the hold window).</summary>
    public volatile bool Measuring;

    public long EventsSent;
    public long EventsReplied;
    public long Heartbeats;
    public long OtherPushes;
    public long LateTicks;
    public long EventsSkipped;
    public RecoveryLog Recovery { get; } = new();
    public object? DumpOwner;
    public int Dumped;

    /// <summary>Binds each connection to 127.0.0.1..127.0.0.K in turn, so more than one port range is available.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (Options.SourceIps > 1)
            {
                var index = (int)((uint)Interlocked.Increment(ref _nextSource) % (uint)Options.SourceIps);
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)(1 + index)]), 0));
            }
            await socket.ConnectAsync(context.DnsEndPoint, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        SocketInvoker.Dispose();
    }
}

/// <summary>Errors by kind, with the first example of each.</summary>
internal sealed class ErrorLog
{
    private readonly ConcurrentDictionary<string, (long Count, string Example)> _errors = new();
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(string kind, string detail)
    {
        Interlocked.Increment(ref _total);
        _errors.AddOrUpdate(kind, _ => (1, detail), (_, e) => (e.Count + 1, e.Example));
    }

    public IReadOnlyDictionary<string, (long Count, string Example)> Snapshot() => new Dictionary<string, (long, string)>(_errors);
}

/// <summary>Dropped sockets and rejoins (--reconnect): how long from the first drop until every dropped view was back.</summary>
internal sealed class RecoveryLog
{
    private readonly Lock _lock = new();
    private long _firstDrop;
    private long _lastRejoin;

    public int Dropped { get; private set; }
    public int RejoinedCount { get; private set; }
    public int Restored { get; private set; }
    public int InflightLost { get; private set; }

    /// <summary>Acknowledged events missing from the state a view came back with: must stay 0.</summary>
    public long EventsLost { get; private set; }

    /// <summary>Milliseconds from each view's drop to its rejoin.</summary>
    public List<float> RestoreMs { get; } = [];

    public void MarkDropped(int inflight)
    {
        lock (_lock)
        {
            if (Dropped == 0 || _firstDrop == 0)
            {
                _firstDrop = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            Dropped++;
            InflightLost += inflight;
        }
    }

    public void MarkRejoined(bool restored, double restoreMs, long eventsLost)
    {
        lock (_lock)
        {
            RejoinedCount++;
            RestoreMs.Add((float)restoreMs);
            EventsLost += eventsLost;
            if (restored)
            {
                Restored++;
            }
            _lastRejoin = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }

    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return Dropped - RejoinedCount;
            }
        }
    }

    /// <summary>Milliseconds from the first drop to the last rejoin, or null when nothing dropped or not all came back.</summary>
    public double? DropToAllRejoinedMs
    {
        get
        {
            lock (_lock)
            {
                return Dropped == 0 || RejoinedCount < Dropped ? null : System.Diagnostics.Stopwatch.GetElapsedTime(_firstDrop, _lastRejoin).TotalMilliseconds;
            }
        }
    }
}
