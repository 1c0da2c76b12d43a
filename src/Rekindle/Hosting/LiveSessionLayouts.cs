using Microsoft.Extensions.DependencyInjection;
using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>The layouts each route group chose with <c>MapLiveSession(...).WithRootLayout(...)</c> and <c>WithLayout&lt;T&gt;()</c>.</summary>
internal sealed class LiveSessionLayouts
{
    private readonly Dictionary<string, Func<LayoutContext, string>> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _live = new(StringComparer.Ordinal);

    public void SetRoot(string liveSession, Func<LayoutContext, string> layout)
    {
        lock (_pages)
        {
            _pages[liveSession] = layout;
        }
    }

    public void SetLive(string liveSession, Type layoutType)
    {
        lock (_live)
        {
            _live[liveSession] = layoutType;
        }
    }

    /// <summary>The route group's page layout, or <see langword="null"/> when it uses <see cref="RekindleOptions.Layout"/>.</summary>
    public Func<LayoutContext, string>? RootFor(string liveSession)
    {
        lock (_pages)
        {
            return _pages.GetValueOrDefault(liveSession);
        }
    }

    /// <summary>A new instance of the route group's live layout, from <paramref name="services"/>; <see langword="null"/> when it has none.</summary>
    public LiveLayout? Create(string liveSession, IServiceProvider services)
    {
        Type? type;
        lock (_live)
        {
            type = _live.GetValueOrDefault(liveSession);
        }
        return type is null ? null : (LiveLayout)ActivatorUtilities.CreateInstance(services, type);
    }
}
