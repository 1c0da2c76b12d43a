using System.Collections.Concurrent;
using System.Reflection.Metadata;

[assembly: MetadataUpdateHandler(typeof(Rekindle.Runtime.HotReload))]

namespace Rekindle.Runtime;

/// <summary>
/// Development live reload. Under <c>dotnet watch</c> (and any host where
/// <see cref="MetadataUpdater.IsSupported"/>), every joined view subscribes here; when .NET hot
/// reload applies an edit, the runtime calls <see cref="UpdateApplication"/>, and each view renders
/// again with the new code and its state untouched, sent in full as after a join (the client drops
/// its components when a view's root comes with statics, so they all travel again).
/// <see cref="Hosting.StylesheetWatcher"/>
/// reports edited CSS the same way. Elsewhere nothing subscribes and this costs nothing.
/// </summary>
internal static class HotReload
{
    private static readonly ConcurrentDictionary<Subscription, bool> Subscribers = new();

    /// <summary>Whether the runtime can apply edits to running code (dotnet watch, a debugger's hot reload).</summary>
    public static bool IsActive => MetadataUpdater.IsSupported;

    /// <summary>The client's window event for an edited stylesheet; client/rekindle.js fetches the page's stylesheets again.</summary>
    internal const string StylesheetsChangedEvent = "rekindle:stylesheets";

    public static IDisposable Subscribe(Action<HotReloadKind> onChange)
    {
        var subscription = new Subscription(onChange);
        Subscribers[subscription] = true;
        return subscription;
    }

    public static void Notify(HotReloadKind kind)
    {
        foreach (var subscriber in Subscribers.Keys)
        {
            subscriber.OnChange(kind);
        }
    }

    /// <summary>Called by the runtime before <see cref="UpdateApplication"/>. Nothing to clear: the template cache compares content.</summary>
    public static void ClearCache(Type[]? updatedTypes)
    {
    }

    /// <summary>Called by the runtime after it applied an edit.</summary>
    public static void UpdateApplication(Type[]? updatedTypes) => Notify(HotReloadKind.Code);

    private sealed class Subscription(Action<HotReloadKind> onChange) : IDisposable
    {
        public Action<HotReloadKind> OnChange { get; } = onChange;

        public void Dispose() => Subscribers.TryRemove(this, out _);
    }
}
