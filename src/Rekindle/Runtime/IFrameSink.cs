namespace Rekindle.Runtime;

/// <summary>Where a view sends its frames: the outbox of the socket it is joined on.</summary>
internal interface IFrameSink
{
    /// <summary>Queues a frame, or sends it at once when the socket is free; never waits on the client and never throws (a closed socket drops it).</summary>
    void Send(byte[] frame);

    /// <summary>Tells the socket that a view ended on its own (crash, redirect), so its topic is freed.</summary>
    void ViewEnded(ViewProcess view);

    /// <summary>Closes the socket with 1012 once the queued frames are sent, so the client reconnects with back-off and rejoins.</summary>
    void Reconnect(string reason);
}
