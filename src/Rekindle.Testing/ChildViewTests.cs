using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>
/// The nested views a <see cref="LiveViewTest"/> has joined (LiveViewTest's <c>find_live_child</c>,
/// <c>live_children</c>): each found in the parent's current render by its container, joined with the
/// session token that render carries and the static token of the page's dead render, as the client
/// does (docs/protocol.md §2.5), and joined again after the parent on a reconnect. Each joins on an
/// in-memory socket of its own; the server handles a child's join the same on any socket.
/// </summary>
internal sealed class ChildViewTests(LiveViewTest parent) : IAsyncDisposable
{
    private readonly Dictionary<string, LiveViewTest> _joined = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The child in container <paramref name="id"/>, joined on first use.</summary>
    public async Task<LiveViewTest> FindAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_joined.TryGetValue(id, out var joined))
            {
                return joined;
            }
            var container = ContainerOf(id) ?? throw new LiveViewTestException($"The view renders no nested view with id '{id}' now; its nested views: [{string.Join(", ", ContainerIds())}]. The view's HTML:\n{parent.RenderedHtml}");
            var child = await LiveViewTest.JoinChildAsync(parent, id, container.Session, StaticTokenOf(id), container.Sticky, container.Tag, cancellationToken);
            _joined[id] = child;
            return child;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every child the parent renders now, in page order.</summary>
    public async Task<IReadOnlyList<LiveViewTest>> AllAsync(CancellationToken cancellationToken)
    {
        var children = new List<LiveViewTest>();
        foreach (var id in ContainerIds())
        {
            children.Add(await FindAsync(id, cancellationToken));
        }
        return children;
    }

    /// <summary>After the parent's rejoin: each joined child still rendered rejoins (with its form recovery and its own children); the others end.</summary>
    public async Task RejoinAsync(CancellationToken cancellationToken)
    {
        var rendered = ContainerIds().ToHashSet(StringComparer.Ordinal);
        foreach (var (id, child) in _joined.ToList())
        {
            if (rendered.Contains(id))
            {
                await child.ReconnectAsync(restartedApp: null, cancellationToken);
            }
            else
            {
                _joined.Remove(id);
                await child.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _joined.Values)
        {
            await child.DisposeAsync();
        }
        _joined.Clear();
        _gate.Dispose();
    }

    private IEnumerable<string> ContainerIds() =>
        parent.Query($"[data-phx-parent-id=\"{parent.ViewId}\"][data-phx-session], [data-phx-sticky][data-phx-session]").Select(element => element.Id ?? "");

    private (string Session, bool Sticky, string Tag)? ContainerOf(string id) =>
        parent.Query($"[data-phx-parent-id=\"{parent.ViewId}\"][data-phx-session], [data-phx-sticky][data-phx-session]")
            .Where(element => element.Id == id && element.GetAttribute("data-phx-session") is { Length: > 0 })
            .Select(element => ((string Session, bool Sticky, string Tag)?)(element.GetAttribute("data-phx-session")!, element.HasAttribute("data-phx-sticky"), element.LocalName)) // non-empty, filtered above
            .FirstOrDefault();

    /// <summary>The dead render's static token of the container, <see langword="null"/> for a child the page did not have then.</summary>
    private string? StaticTokenOf(string id) =>
        new HtmlParser().ParseDocument(parent.PageHtml).GetElementById(id)?.GetAttribute("data-phx-static") is { Length: > 0 } token ? token : null;
}
