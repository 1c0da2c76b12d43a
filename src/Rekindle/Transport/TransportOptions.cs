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

    /// <summary>
    /// First mounts (joins with <c>_mounts</c> = 0) one client address may make per minute, over all
    /// its sockets and browser sessions; the budget refills continuously. A join over it is held (see
    /// <see cref="MaxJoinWait"/>), never refused: a refused join makes the client reload the page.
    /// IPv6 addresses count per /64. Behind a proxy, configure forwarded headers, or every client has the proxy's address.
    /// </summary>
    /// <value>600.</value>
    public int MaxJoinsPerMinutePerAddress { get; set; } = 600;

    /// <summary>
    /// Rejoins (joins with <c>_mounts</c> &gt; 0: tabs coming back after a dropped socket, a restart or a
    /// deploy) one client address may make per minute; counted apart from first mounts, so strangers'
    /// mounts never delay returning users. Held, not refused, when exceeded.
    /// </summary>
    /// <value>6,000: a restart of a server with thousands of tabs behind one NAT restores them at once.</value>
    public int MaxRejoinsPerMinutePerAddress { get; set; } = 6000;

    /// <summary>
    /// Joins one browser session (the <c>rekindle.sid</c> cookie, all its tabs) may make per minute,
    /// first mounts and rejoins alike. Held, not refused, when exceeded.
    /// </summary>
    /// <value>120: a few tabs of nested views rejoining at once, or a live navigation every half second.</value>
    public int MaxJoinsPerMinutePerSession { get; set; } = 120;

    /// <summary>
    /// How long a join over its budget is held for the budget to refill; after that the socket is
    /// closed with 1012 and the client reconnects with back-off and tries again, without reloading.
    /// Keep it under the client's join timeout (10 s).
    /// </summary>
    /// <value>5 seconds.</value>
    public TimeSpan MaxJoinWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On shutdown, sockets are closed (code 1012) at random moments within this window, so clients do not reconnect all at once.</summary>
    /// <value>1 second.</value>
    public TimeSpan DrainJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Bytes of outbound frames one socket may have waiting behind the frame being sent. A client
    /// that stops reading while its views keep pushing (a broadcast to a frozen tab) reaches it; that
    /// socket alone is then closed with 1013, and the client reconnects and its views restore. Keep it
    /// well above the largest render (<c>Rekindle:Runtime:MaxRenderBytes</c>), so a big page never trips it.
    /// </summary>
    /// <value>16 MiB.</value>
    public long MaxOutboxBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How long a long-poll GET waits for frames before answering "nothing yet" (Phoenix's <c>window_ms</c>).</summary>
    /// <value>10 seconds, as Phoenix.</value>
    public TimeSpan LongPollWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether to negotiate WebSocket <c>permessage-deflate</c> with clients that offer it (browsers do).
    /// Every message is compressed on its own, with no context kept between messages in either direction,
    /// so an idle socket holds no compression state; small diffs gain little, joins and large renders
    /// shrink several times. Compressing app data next to text an attacker can influence can leak the
    /// data's length (SECURITY.md, "WebSocket compression").
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool Compression { get; set; }

    /// <summary>Whether to check the WebSocket <c>Origin</c> header at all (Phoenix's <c>check_origin</c>).</summary>
    /// <value><see langword="true"/>.</value>
    public bool CheckOrigin { get; set; } = true;
}
