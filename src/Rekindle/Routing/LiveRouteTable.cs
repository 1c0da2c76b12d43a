namespace Rekindle.Routing;

/// <summary>The live routes of the application, filled by <c>MapLiveView</c>; the join looks routes up here.</summary>
internal sealed class LiveRouteTable
{
    private readonly Dictionary<string, LiveRoute> _byPattern = new(StringComparer.OrdinalIgnoreCase);
    private int _infrastructureMapped;

    public LiveRoute Add(string pattern, Type viewType, string liveSession, Views.LiveContainer? container = null)
    {
        var route = new LiveRoute(pattern, viewType, liveSession, container);
        lock (_byPattern)
        {
            if (!_byPattern.TryAdd(pattern, route))
            {
                throw new InvalidOperationException($"The route '{pattern}' is mapped to a live view twice. Expected each pattern once.");
            }
        }
        return route;
    }

    public LiveRoute? Find(string pattern)
    {
        lock (_byPattern)
        {
            return _byPattern.GetValueOrDefault(pattern);
        }
    }

    /// <summary>The live route of <paramref name="liveSession"/> that <paramref name="path"/> matches, with its values.</summary>
    public (LiveRoute Route, Microsoft.AspNetCore.Routing.RouteValueDictionary Values)? Match(string path, string liveSession)
    {
        lock (_byPattern)
        {
            foreach (var route in _byPattern.Values)
            {
                if (route.LiveSession == liveSession && route.TryMatch(path, out var values))
                {
                    return (route, values);
                }
            }
        }
        return null;
    }

    /// <summary>True the first time only: the socket and asset endpoints are mapped once per application.</summary>
    public bool ClaimInfrastructure() => Interlocked.Exchange(ref _infrastructureMapped, 1) == 0;
}
