namespace Rekindle.Transport;

/// <summary>Limits of the WebSocket transport. Bound from the <c>Rekindle:Transport</c> configuration section.</summary>
public sealed class TransportOptions
{
    /// <summary>The largest text frame accepted; a larger one closes that socket with code 1009.</summary>
    /// <value>65,536 bytes.</value>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>A socket that sends nothing (not even a heartbeat, every 30 s) for this long is closed.</summary>
    /// <value>60 seconds, as Phoenix.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Views one socket may have joined at once; a join past it gets the error "too many channels joined".</summary>
    /// <value>100, as Phoenix.</value>
    public int MaxViewsPerSocket { get; set; } = 100;

    /// <summary>
    /// Origins allowed to open the socket besides the request's own host (e.g. <c>https://app.example</c>).
    /// A request without an <c>Origin</c> header (not a browser) is allowed.
    /// </summary>
    /// <value>Empty: same host only.</value>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Client pushes (events, joins, leaves) one socket may send per second on average; over it, the push gets the error "rate limited". Heartbeats do not count.</summary>
    /// <value>50 per second.</value>
    public double MaxPushesPerSecond { get; set; } = 50;

    /// <summary>Bursts of client pushes allowed above <see cref="MaxPushesPerSecond"/>.</summary>
    /// <value>100.</value>
    public double PushBurst { get; set; } = 100;

    /// <summary>Joins one client address may make per minute, over all its sockets; over it, joins get the error "rate limited".</summary>
    /// <value>600.</value>
    public int MaxJoinsPerMinutePerAddress { get; set; } = 600;

    /// <summary>On shutdown, sockets are closed (code 1012) at random moments within this window, so clients do not reconnect all at once.</summary>
    /// <value>1 second.</value>
    public TimeSpan DrainJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a long-poll GET waits for frames before answering "nothing yet" (Phoenix's <c>window_ms</c>).</summary>
    /// <value>10 seconds, as Phoenix.</value>
    public TimeSpan LongPollWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether to check the WebSocket <c>Origin</c> header at all (Phoenix's <c>check_origin</c>).</summary>
    /// <value><see langword="true"/>.</value>
    public bool CheckOrigin { get; set; } = true;
}
