using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.Rendering;

namespace Rekindle.Recovery;

/// <summary>
/// The snapshot a sticky view hands to the next page load of its browser session (docs/architecture.md,
/// "Sticky views across page loads"). A sticky view's own snapshots are keyed under its page, so two
/// tabs never overwrite each other's running state; each save also lands here, under the browser
/// session, the sticky view's type and its id, stamped with the save's wall-clock time. A sticky view
/// joining with no snapshot of its own (a full page load, such as a navigation into another route group)
/// starts from the handoff: the state of the sticky view that changed last in any tab of the browser.
/// Server store only: in browser mode a page's snapshots are tokens in that page.
/// </summary>
internal sealed partial class StickyHandoffs(IStateStore? store, RecoveryOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The handoff's id for the sticky view <paramref name="id"/> of type <paramref name="viewType"/>; it never equals a container id (it has line breaks).</summary>
    public static string Id(Type viewType, string id) => $"sticky\n{viewType.FullName}\n{id}";

    /// <summary>
    /// Saves the sticky view's snapshot <paramref name="bytes"/> (as its recorder wrote them) as the handoff
    /// <paramref name="handoffId"/> of <paramref name="browserSessionId"/>; never throws. The store orders
    /// the handoff's saves by the save's time in microseconds, so the change made last wins whichever tab
    /// made it; the snapshot inside keeps the id and generation of the page that saved it.
    /// </summary>
    public async ValueTask SaveAsync(byte[] bytes, string handoffId, string browserSessionId, CancellationToken cancellationToken)
    {
        if (store is null || bytes.Length > options.MaxSnapshotBytes)
        {
            // Too large: the view's own save has logged the size already.
            return;
        }
        var stamp = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        try
        {
            await store.SaveAsync(SnapshotService.StoreKey(handoffId, browserSessionId), stamp, bytes, options.MaxAge, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.HandoffNotSaved(logger, exception.Message);
        }
    }

    /// <summary>The handoff of <paramref name="handoffId"/> in the browser session, or <see langword="null"/>; never throws.</summary>
    public async ValueTask<ViewSnapshot?> LoadAsync(string handoffId, string browserSessionId, CancellationToken cancellationToken)
    {
        if (store is null || !options.Enabled)
        {
            return null;
        }
        try
        {
            var bytes = await store.LoadAsync(SnapshotService.StoreKey(handoffId, browserSessionId), cancellationToken);
            var snapshot = bytes is null ? null : JsonSerializer.Deserialize<ViewSnapshot>(bytes, WireJson.PayloadOptions);
            // The key names the handoff; the snapshot inside names the page that saved it.
            return snapshot is { Version: ViewSnapshot.CurrentVersion } && snapshot.BrowserSessionId == browserSessionId ? snapshot : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.HandoffNotLoaded(logger, exception.Message);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4201, LogLevel.Debug, "A sticky view's handoff snapshot was not saved ({Reason}); its own snapshot was, and the next page load may start from an older state.", EventName = nameof(HandoffNotSaved))]
        public static partial void HandoffNotSaved(ILogger logger, string reason);

        [LoggerMessage(4202, LogLevel.Debug, "A sticky view's handoff snapshot could not be read ({Reason}); the view mounts fresh.", EventName = nameof(HandoffNotLoaded))]
        public static partial void HandoffNotLoaded(ILogger logger, string reason);
    }
}
