using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Rendering;
using Rekindle.Runtime;
using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>
/// A view's nested views in the dead render (docs/protocol.md §2.5): <see cref="Render"/> leaves a
/// marker while the parent renders (rendering is synchronous, mounting is not), and
/// <see cref="FillAsync(string)"/> then mounts each child disconnected, renders it (its own children too) and
/// puts it in its container in place of the marker.
/// </summary>
internal sealed class DeadChildViews(SessionTokens tokens, SessionToken parent, Uri url, HttpContext context) : IChildViews
{
    private const int MaxDepth = 16;
    private readonly string _nonce = RandomNumberGenerator.GetHexString(16);
    private readonly List<(string Marker, Type Type, string Id, IReadOnlyDictionary<string, string>? Session, bool Sticky, LiveContainer? Container)> _pending = [];

    public string Render(Type viewType, string id, IReadOnlyDictionary<string, string>? session, bool sticky, LiveContainer? container)
    {
        // A marker no hole can produce: holes are escaped, and the nonce is unknown to the app's own raw markup.
        var marker = $"<rekindle-child-{_nonce}-{_pending.Count}>";
        _pending.Add((marker, viewType, id, session, sticky, container));
        return marker;
    }

    /// <summary>Replaces the markers in <paramref name="html"/> with the rendered children.</summary>
    public Task<string> FillAsync(string html) => FillAsync(html, depth: 0);

    private async Task<string> FillAsync(string html, int depth)
    {
        foreach (var (marker, type, id, session, sticky, container) in _pending)
        {
            if (depth == MaxDepth)
            {
                throw new InvalidOperationException($"Nested views go deeper than {MaxDepth} levels at \"{id}\". Expected a view not to render itself.");
            }
            var token = ChildContainer.Token(parent, type, id, session, url.AbsoluteUri, sticky);
            var child = (LiveView)ActivatorUtilities.CreateInstance(context.RequestServices, type);
            child.Cancellation = context.RequestAborted;
            var children = new DeadChildViews(tokens, token, url, context);
            child.Children = children;
            await child.MountAsync(new MountContext(url, new Dictionary<string, string?>(), connectParams: null, context.User, parent.BrowserSessionId, session));
            var root = child.RenderView();
            await new ComponentRegistry(context.RequestServices, child.Effects, onDropped: static (_, _) => { }, cancellation: context.RequestAborted).ResolveAsync(root);
            var body = await children.FillAsync(root.ToString(), depth + 1);
            var markup = sticky
                ? ChildContainer.StickyMarkup(id, tokens.ProtectSession(token), tokens.ProtectStatic(id), body, container)
                : ChildContainer.Markup(id, parent.ViewId, session: "", tokens.ProtectStatic(id), body, container);
            html = html.Replace(marker, markup, StringComparison.Ordinal);
        }
        return html;
    }
}
