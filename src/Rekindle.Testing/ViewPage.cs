using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Wire;
using Node = System.Collections.Generic.Dictionary<string, object?>;

namespace Rekindle.Testing;

/// <summary>
/// The page of one view as the browser client holds it: the merged rendered tree and its HTML
/// (stream items kept as the DOM keeps them), the title, the events pushed to hooks, the
/// navigations the server asked for and the URL. Not thread-safe: <see cref="ViewChannel"/> calls
/// it under its lock.
/// </summary>
internal sealed class ViewPage(LiveBrowser browser, Uri url)
{
    private readonly StreamDom _streams = new();
    private readonly List<PushedEvent> _events = [];
    private readonly List<LiveNavigation> _navigations = [];
    private RenderedTree? _tree;
    private TreeHtml _html = new("", new HashSet<int>(), []);

    /// <summary>What the view received: the join's rendered tree, then each diff (for the merge's conformance tests).</summary>
    public List<string> Transcript { get; } = [];

    public string Html => _html.Html;

    public string? Title { get; private set; }

    public Uri Url { get; private set; } = url;

    public List<PushedEvent> Events => [.. _events];

    public List<LiveNavigation> Navigations => [.. _navigations];

    public bool Shows(int cid) => _html.ComponentIds.Contains(cid);

    /// <summary>Replaces the page with a join's full render; stream containers start empty (docs/protocol.md §4.8).</summary>
    public void Join(JsonElement rendered)
    {
        Transcript.Add(rendered.GetRawText());
        var (node, _) = TakeExtras(rendered);
        _tree = new RenderedTree(node);
        Render(isJoin: true);
    }

    /// <summary>
    /// Merges a diff as the client does and renders; returns the diff's reply and the components
    /// that left the page. Throws <see cref="InvalidOperationException"/> where the client would throw.
    /// </summary>
    public (JsonElement? Reply, List<int> Gone) ApplyDiff(JsonElement diff)
    {
        Transcript.Add(diff.GetRawText());
        var (node, reply) = TakeExtras(diff);
        var tree = _tree ?? throw new InvalidOperationException("A diff arrived before the join's rendered tree.");
        tree.MergeDiff(node);
        var previous = _html.ComponentIds;
        Render(isJoin: false);
        return (reply, [.. previous.Where(cid => !_html.ComponentIds.Contains(cid))]);
    }

    /// <summary>
    /// Applies an ok reply's response (docs/protocol.md §5.5): its diff, then the redirect it
    /// carries. Returns the diff's reply, the components that left the page, and the navigation away.
    /// </summary>
    public (JsonElement? Reply, List<int> Gone, LiveNavigation? Away) ApplyResponse(JsonElement response)
    {
        var (reply, gone) = response.TryGetProperty("diff", out var diff) ? ApplyDiff(diff) : (null, []);
        var away = RedirectOf(response);
        if (away is not null)
        {
            Navigate(away);
        }
        return (reply, gone, away);
    }

    /// <summary>Applies what the server pushed on its own (docs/protocol.md §6): a diff or a navigation.</summary>
    public (JsonElement? Reply, List<int> Gone, LiveNavigation? Away) ApplyPush(string eventName, JsonElement payload)
    {
        LiveNavigation? navigation = eventName switch
        {
            ProtocolNames.Diff => null,
            ProtocolNames.LivePatch => NavigationOf(LiveNavigationKind.Patch, payload),
            ProtocolNames.LiveRedirect => NavigationOf(LiveNavigationKind.LiveRedirect, payload),
            ProtocolNames.Redirect => NavigationOf(LiveNavigationKind.Redirect, payload),
            _ => null,
        };
        if (eventName == ProtocolNames.Diff)
        {
            var (reply, gone) = ApplyDiff(payload);
            return (reply, gone, null);
        }
        if (navigation is not null)
        {
            Navigate(navigation);
        }
        return (null, [], navigation is { Kind: not LiveNavigationKind.Patch } ? navigation : null);
    }

    /// <summary>The redirect or live redirect a reply's response (or a join's error response) names, or <see langword="null"/>.</summary>
    public static LiveNavigation? RedirectOf(JsonElement response)
    {
        foreach (var (key, kind) in new[] { ("redirect", LiveNavigationKind.Redirect), ("live_redirect", LiveNavigationKind.LiveRedirect) })
        {
            if (response.TryGetProperty(key, out var target) && target.ValueKind == JsonValueKind.Object && target.TryGetProperty("to", out _))
            {
                return NavigationOf(kind, target);
            }
        }
        return null;
    }

    /// <summary>Records a navigation (with its flash read); a patch moves the URL.</summary>
    public void Navigate(LiveNavigation navigation)
    {
        _navigations.Add(navigation.FlashToken is null ? navigation : navigation with { Flash = browser.ReadFlash(navigation.FlashToken) });
        if (navigation.Kind == LiveNavigationKind.Patch)
        {
            Url = new Uri(Url, navigation.To);
        }
    }

    /// <summary>Forgets components the server confirmed destroyed (the client's <c>cids_destroyed</c> reply).</summary>
    public void Prune(IEnumerable<int> cids) => _tree?.PruneComponents(cids);

    /// <summary>A navigation object (<c>{"to","kind","flash"}</c>, docs/protocol.md §8.4) as a <see cref="LiveNavigation"/>.</summary>
    public static LiveNavigation NavigationOf(LiveNavigationKind kind, JsonElement payload) => new(
        kind,
        payload.TryGetProperty("to", out var target) ? target.GetString() ?? "" : "",
        payload.TryGetProperty("kind", out var how) && how.GetString() == "replace")
    {
        FlashToken = payload.TryGetProperty("flash", out var flash) && flash.ValueKind == JsonValueKind.String ? flash.GetString() : null,
    };

    /// <summary>Takes the title and pushed events off a render or diff, as the client's <c>Rendered.extract</c>; returns the rest and the reply.</summary>
    private (Node Diff, JsonElement? Reply) TakeExtras(JsonElement diff)
    {
        if (diff.TryGetProperty(WireKeys.Title.Value, out var title) && title.ValueKind == JsonValueKind.String)
        {
            Title = title.GetString();
        }
        if (diff.TryGetProperty(WireKeys.Events.Value, out var events) && events.ValueKind == JsonValueKind.Array)
        {
            foreach (var pushed in events.EnumerateArray())
            {
                if (pushed.ValueKind == JsonValueKind.Array && pushed.GetArrayLength() >= 2)
                {
                    _events.Add(new PushedEvent(pushed[0].GetString() ?? "", pushed[1].Clone()));
                }
            }
        }
        JsonElement? reply = diff.TryGetProperty(WireKeys.Reply.Value, out var r) ? r.Clone() : null;
        var (node, _, _, _) = RenderedTree.Extract(WireValue.ObjectFrom(diff));
        return (node, reply);
    }

    private void Render(bool isJoin)
    {
        var html = _tree!.ToHtml(markComponents: true); // set by Join before any render
        if (html.Streams.Count > 0 || !_streams.IsEmpty)
        {
            html = html with { Html = _streams.Apply(html.Html, html.Streams, isJoin) };
        }
        _html = html;
    }
}
