using Rekindle.Rendering;

namespace Rekindle.Hosting;

/// <summary>
/// The container markup of a nested view (docs/protocol.md §2.5). A non-sticky child names its parent and
/// has an empty session in the dead render; a sticky one has no parent id and a session from the start.
/// </summary>
internal static class ChildContainer
{
    public static string Markup(string id, string? parentId, string session, string staticToken, bool sticky, string innerHtml)
    {
        var parent = sticky || parentId is null ? "" : $" data-phx-parent-id=\"{HtmlEscaper.Escape(parentId)}\"";
        var stickyFlag = sticky ? " data-phx-sticky" : "";
        return $"<div id=\"{id}\" data-phx-session=\"{session}\" data-phx-static=\"{staticToken}\"{parent}{stickyFlag}>{innerHtml}</div>";
    }

    /// <summary>The token of a child of the view whose token is <paramref name="parent"/>.</summary>
    public static SessionToken Token(SessionToken parent, Type viewType, string id, IReadOnlyDictionary<string, string>? session, Uri url) =>
        new(SessionToken.CurrentVersion, id, parent.Route, parent.LiveSession, parent.BrowserSessionId)
        {
            ChildType = viewType.AssemblyQualifiedName,
            ParentId = parent.ViewId,
            StateKey = parent.Key + "/" + id,
            Session = session is null ? null : new Dictionary<string, string>(session, StringComparer.Ordinal),
            Url = url.AbsoluteUri,
        };
}
