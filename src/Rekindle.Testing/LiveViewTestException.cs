namespace Rekindle.Testing;

/// <summary>
/// What <see cref="LiveTest"/> throws when the server refuses or fails something a test did (a join
/// answered <c>stale</c>, an error reply, a crashed view, a closed socket), when a selector finds no
/// element or several, and when an assertion on a view does not hold.
/// </summary>
public sealed class LiveViewTestException : Exception
{
    public LiveViewTestException(string message)
        : base(message)
    {
    }

    public LiveViewTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
