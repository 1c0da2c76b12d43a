namespace Rekindle.Hosting;

/// <summary>
/// The container markup of a nested view (docs/protocol.md §2.5): it names its parent; its session is
/// empty in the dead render and set in the parent's connected renders.
/// </summary>
internal static class ChildContainer
{
    public static string Markup(string id, string parentId, string session, string staticToken, string innerHtml) =>
        $"<div id=\"{id}\" data-phx-session=\"{session}\" data-phx-static=\"{staticToken}\" data-phx-parent-id=\"{parentId}\">{innerHtml}</div>";

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
