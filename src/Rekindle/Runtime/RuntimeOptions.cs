namespace Rekindle.Runtime;

/// <summary>Limits of the view runtime. Bound from the <c>Rekindle:Runtime</c> configuration section.</summary>
public sealed class RuntimeOptions
{
    /// <summary>
    /// Messages a view's mailbox holds before the sender waits. The client's messages wait in the
    /// socket's read loop, so one slow view slows only its own socket.
    /// </summary>
    /// <value>256.</value>
    public int MailboxCapacity { get; set; } = 256;

    /// <summary>
    /// How long one message (a mount, an event, an info message, with its render) may take. Past it
    /// the view ends as if it had thrown: its client gets phx_error and rejoins. .NET cannot stop a
    /// thread, so a handler stuck in a CPU loop keeps its thread; the limit frees the view and its client.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Stateful components one view may hold; past it the view ends with a logged error.</summary>
    /// <value>10,000.</value>
    public int MaxComponentsPerView { get; set; } = 10_000;

    /// <summary>
    /// The largest frame one render may produce (a join's full render, or one diff). Past it the view
    /// ends with a logged error naming it, as if it had thrown: a view that renders without bound
    /// (an unpaged list, a runaway loop) costs its own session, not the server's memory.
    /// </summary>
    /// <value>4 MiB.</value>
    public int MaxRenderBytes { get; set; } = 4 * 1024 * 1024;
}
