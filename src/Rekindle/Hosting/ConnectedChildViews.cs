using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>
/// A connected view's nested views: each renders as its empty container with a signed session token
/// (docs/protocol.md §2.5); the client then joins it on its own topic. The token is issued once per
/// child id and kept, since the client keeps the first one while the element stays.
/// </summary>
internal sealed class ConnectedChildViews(SessionTokens tokens, SessionToken parent, string url) : IChildViews
{
    // Created by the first nested view: most views have none, and every connected view has one of these.
    private Dictionary<(Type, string, bool), string>? _issued;

    public string Render(Type viewType, string id, IReadOnlyDictionary<string, string>? session, bool sticky, LiveContainer? container)
    {
        _issued ??= [];
        if (!_issued.TryGetValue((viewType, id, sticky), out var token))
        {
            token = tokens.ProtectSession(ChildContainer.Token(parent, viewType, id, session, url, sticky));
            _issued[(viewType, id, sticky)] = token;
        }
        return sticky
            ? ChildContainer.StickyMarkup(id, token, staticToken: "", innerHtml: "", container)
            : ChildContainer.Markup(id, parent.ViewId, token, staticToken: "", innerHtml: "", container);
    }
}
