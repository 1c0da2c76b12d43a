namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>A streamed message of upstream's issue 3681.</summary>
public sealed record Issue3681Message(int Id)
{
    /// <summary>The DOM id of a message: <c>messages-N</c>.</summary>
    public static string DomId(Issue3681Message message) => $"messages-{message.Id}";
}
