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
    /// Whether error replies and logs include exception messages from view code. Off by default:
    /// messages can reveal internals to the browser.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool DetailedErrors { get; set; }
}
