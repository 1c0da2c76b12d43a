using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>
/// The container markup of a nested view (docs/protocol.md §2.5): a child names its parent, and its
/// session is empty in the dead render and set in the parent's connected renders; a sticky view names
/// no parent and carries its session from the dead render on, since the client joins it as a root.
/// </summary>
internal static class ChildContainer
{
    public static string Markup(string id, string parentId, string session, string staticToken, string innerHtml, LiveContainer? container) =>
        $"<{container?.Tag ?? "div"} id=\"{id}\" data-phx-session=\"{session}\" data-phx-static=\"{staticToken}\" data-phx-parent-id=\"{parentId}\"{container?.AttributesHtml()}>{innerHtml}</{container?.Tag ?? "div"}>";

    public static string StickyMarkup(string id, string session, string staticToken, string innerHtml, LiveContainer? container) =>
        $"<{container?.Tag ?? "div"} id=\"{id}\" data-phx-session=\"{session}\" data-phx-static=\"{staticToken}\" data-phx-sticky{container?.AttributesHtml()}>{innerHtml}</{container?.Tag ?? "div"}>";

    /// <summary>
    /// The token of a child of the view whose token is <paramref name="parent"/>. A sticky view's
    /// snapshots stay keyed under the page's first main view, whose tokens the client keeps sending
    /// after live navigation (§8.3), so its state is found again after any of them.
    /// </summary>
    public static SessionToken Token(SessionToken parent, Type viewType, string id, IReadOnlyDictionary<string, string>? session, string url, bool sticky = false) =>
        new(SessionToken.CurrentVersion, id, parent.Route, parent.LiveSession, parent.BrowserSessionId)
        {
            ChildType = viewType.AssemblyQualifiedName,
            ParentId = sticky ? null : parent.ViewId,
            StateKey = parent.Key + "/" + id,
            Session = session is null ? null : new Dictionary<string, string>(session, StringComparer.Ordinal),
            Url = url,
        };
}
