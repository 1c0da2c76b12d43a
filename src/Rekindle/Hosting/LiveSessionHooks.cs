using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>The on-mount hooks of each route group, filled by <c>MapLiveSession(...).OnMount(...)</c>.</summary>
internal sealed class LiveSessionHooks
{
    private readonly Dictionary<string, List<Func<OnMountContext, ValueTask>>> _hooks = new(StringComparer.Ordinal);

    public void Add(string liveSession, Func<OnMountContext, ValueTask> hook)
    {
        lock (_hooks)
        {
            if (!_hooks.TryGetValue(liveSession, out var list))
            {
                _hooks[liveSession] = list = [];
            }
            list.Add(hook);
        }
    }

    /// <summary>A copy, in registration order, so a mount never sees a list being added to.</summary>
    public IReadOnlyList<Func<OnMountContext, ValueTask>> For(string liveSession)
    {
        lock (_hooks)
        {
            return _hooks.TryGetValue(liveSession, out var list) ? [.. list] : [];
        }
    }
}
