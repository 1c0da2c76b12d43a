namespace Rekindle.Testing;

/// <summary>
/// What <see cref="LiveTest"/> throws when the server refuses or fails something a test did (a join
/// answered <c>stale</c>, an error reply, a crashed view, a closed socket), when a selector finds no
/// element or several, and when an assertion on a view does not hold.
/// </summary>
public sealed class LiveViewTestException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public LiveViewTestException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public LiveViewTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
