using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Rendering;
using Rekindle.Telemetry;
using Rekindle.Views;

namespace Rekindle.Recovery;

/// <summary>
/// Keeps and finds view snapshots. In server mode they live in the <see cref="IStateStore"/> under a
/// key derived from the view id and browser session; in browser mode they travel to the browser as tokens (encrypted and signed with Data Protection, expiring after
/// <see cref="RecoveryOptions.MaxAge"/>) that the bootstrap hands back in the next join's params.
/// </summary>
internal sealed partial class SnapshotService
{
    public const string ClientEventName = "rekindle:snapshot";
    public const string ConnectParamName = "_rekindle_snapshot";
    private const string Hit = "hit";
    private const string Miss = "miss";
    private const string Refused = "refused";
    private const string Unavailable = "unavailable";
    private static readonly TimeSpan HoldRetryInterval = TimeSpan.FromMilliseconds(250);
    private readonly IStateStore? _store;
    private readonly ITimeLimitedDataProtector _protector;
    private readonly RecoveryOptions _options;
    private readonly ILogger _logger;

    private readonly TimeProvider _time;
    private readonly RecoveryMetrics _metrics;
    private readonly StoreOutageWaits _outageWaits;
    private int _storeFailing;

    public SnapshotService(IServiceProvider services, IDataProtectionProvider protection, TimeProvider time, RecoveryMetrics metrics, IOptions<RecoveryOptions> options, ILogger<SnapshotService> logger)
    {
        _time = time;
        _metrics = metrics;
        _options = options.Value;
        _store = _options.Store == SnapshotStore.Server ? services.GetRequiredService<IStateStore>() : null;
        _protector = protection.CreateProtector("Rekindle.Snapshot.v1").ToTimeLimitedDataProtector();
        _logger = logger;
        _outageWaits = new StoreOutageWaits(_options.StoreOutageWait, time);
        Handoffs = new StickyHandoffs(_store, _options, time, logger);
    }

    /// <summary>Where sticky views hand their state to the next page load of their browser session.</summary>
    public StickyHandoffs Handoffs { get; }

    public RecoveryOptions Options => _options;

    public bool UsesServerStore => _store is not null;

    /// <summary>
    /// Where a joining view's generations count on from, unless a restored snapshot is newer: the join's
    /// time in microseconds. The latest join of a view thus writes above every earlier process of it (one
    /// still running on another node after its socket dropped, or one whose snapshot this join did not
    /// restore), so the store's generation check keeps the live process's snapshots instead of silently
    /// refusing them.
    /// </summary>
    public long JoinGeneration() => _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>
    /// Saves a snapshot written by a <see cref="SnapshotEncoder"/> under its view's
    /// <see cref="StoreKey"/>. Returns the token to push to the browser when snapshots live there,
    /// else <see langword="null"/>.
    /// </summary>
    public async ValueTask<string?> SaveAsync(byte[] bytes, long generation, string storeKey, string viewName, CancellationToken cancellationToken)
    {
        using var activity = RekindleActivities.StartChild("rekindle.snapshot.save");
        activity?.SetTag(TelemetryTags.SnapshotStore, _store is null ? "browser" : "server");
        var started = _time.GetTimestamp();
        activity?.SetTag(TelemetryTags.SnapshotBytes, bytes.Length);
        if (bytes.Length > _options.MaxSnapshotBytes)
        {
            _metrics.Oversize.Add(1);
            var largest = JsonSerializer.Deserialize<ViewSnapshot>(bytes, WireJson.PayloadOptions) is { } snapshot ? RecoverableMembers.Largest(snapshot.State, 3) : "";
            Log.SnapshotTooLarge(_logger, viewName, bytes.Length, _options.MaxSnapshotBytes, largest.Length > 0 ? largest : "(components)");
            return null;
        }
        _metrics.SnapshotBytes.Record(bytes.Length);
        string? token = null;
        if (_store is not null)
        {
            try
            {
                await _store.SaveAsync(storeKey, generation, bytes, _options.MaxAge, cancellationToken);
                Interlocked.Exchange(ref _storeFailing, 0);
                _outageWaits.Answered();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The reply that follows acknowledges this change, and a copy in this node's memory dies
                // with the node: the snapshot travels in that reply to the browser instead, which hands it
                // back at its next join, where the newer of it and the store's copy is restored.
                _metrics.SaveFailed.Add(1);
                RekindleActivities.Fail(activity, exception);
                if (Interlocked.Exchange(ref _storeFailing, 1) == 0)
                {
                    Log.SaveFailed(_logger, exception, viewName);
                }
                Log.SnapshotSentToBrowser(_logger, viewName, generation, exception.Message);
                token = Protect(bytes);
            }
        }
        else
        {
            token = Protect(bytes);
        }
        _metrics.SaveDuration.Record(_time.GetElapsedTime(started).TotalMilliseconds);
        Log.SnapshotSaved(_logger, viewName, bytes.Length, generation);
        return token;
    }

    /// <summary>
    /// Finds the snapshot of a joining view; a forged, foreign or expired one is refused and logged.
    /// When the store cannot be reached for a rejoining view, the lookup is retried for up to
    /// <see cref="RecoveryOptions.StoreOutageHold"/>, then says so (for up to
    /// <see cref="RecoveryOptions.StoreOutageWait"/>), so the view can come back later instead of losing its state.
    /// After <paramref name="restoreCrashed"/> (this view's join crashed on its snapshot) or too many failed joins, none is applied.
    /// </summary>
    public async ValueTask<SnapshotLookup> LoadAsync(string viewId, string browserSessionId, ConnectParams connectParams, bool restoreCrashed, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return default;
        }
        if (restoreCrashed || connectParams.MountAttempts >= _options.SkipAfterFailedJoins)
        {
            var skipped = restoreCrashed
                ? "its join crashed after the snapshot was applied"
                : $"{connectParams.MountAttempts} joins failed in a row (Rekindle:Recovery:SkipAfterFailedJoins, {_options.SkipAfterFailedJoins})";
            return new SnapshotLookup(null, StoreUnavailable: false, connectParams.IsReconnect ? skipped : null);
        }
        using var activity = RekindleActivities.StartChild("rekindle.snapshot.load");
        activity?.SetTag(TelemetryTags.SnapshotStore, _store is null ? "browser" : "server");
        var (snapshot, result) = await FindAsync(viewId, browserSessionId, connectParams, cancellationToken);
        activity?.SetTag(TelemetryTags.SnapshotResult, result);
        _metrics.Restore(result);
        var missReason = !connectParams.IsReconnect ? null : result switch
        {
            Miss => $"no snapshot: it expired (older than Rekindle:Recovery:MaxAge, {_options.MaxAge}) or was never saved",
            Refused => "the snapshot was refused: expired, forged, or from another key ring or browser session",
            _ => null,
        };
        return new SnapshotLookup(snapshot, StoreUnavailable: result == Unavailable, missReason);
    }

    private async ValueTask<(ViewSnapshot? Snapshot, string Result)> FindAsync(string viewId, string browserSessionId, ConnectParams connectParams, CancellationToken cancellationToken)
    {
        var token = connectParams.GetString(ConnectParamName) is { Length: > 0 } tokenParam ? tokenParam : null;
        if (_store is null)
        {
            return token is null ? (null, Miss) : Read(Unprotect(token), viewId, browserSessionId);
        }
        var key = StoreKey(viewId, browserSessionId);
        var held = _time.GetTimestamp();
        byte[]? stored;
        while (true)
        {
            try
            {
                var local = _store is ILocallyBufferedStore buffered && buffered.HoldsLocally(key);
                stored = await _store.LoadAsync(key, cancellationToken);
                if (!local)
                {
                    _outageWaits.Answered();
                }
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A first join has no snapshot to lose (its view id is new); a rejoin may. A token the
                // browser holds does not settle it: the store may hold a newer snapshot than the token.
                if (!connectParams.IsReconnect || !_outageWaits.ShouldRetry(key))
                {
                    // Past the wait the store's copy is out of reach; the browser's, when it holds one,
                    // is never newer than the store's but always better than mounting fresh.
                    Log.LoadFailed(_logger, exception, viewId);
                    return token is null ? (null, Miss) : Read(Unprotect(token), viewId, browserSessionId);
                }
                if (_time.GetElapsedTime(held) >= _options.StoreOutageHold)
                {
                    Log.LoadUnavailable(_logger, exception, viewId, _options.StoreOutageWait);
                    return (null, Unavailable);
                }
            }
            await Task.Delay(HoldRetryInterval, _time, cancellationToken);
        }
        (ViewSnapshot? Snapshot, string Result) fromStore = stored is null ? (null, Miss) : Read(stored, viewId, browserSessionId);
        if (token is null)
        {
            return fromStore;
        }
        // The browser holds a snapshot only when the store did not take it at save time (see SaveAsync):
        // it wins when it is newer than what the store has.
        var fromBrowser = Read(Unprotect(token), viewId, browserSessionId);
        return fromBrowser.Snapshot is { } browser && (fromStore.Snapshot is not { } store || browser.Generation > store.Generation)
            ? fromBrowser
            : fromStore;
    }

    private (ViewSnapshot? Snapshot, string Result) Read(byte[]? bytes, string viewId, string browserSessionId)
    {
        if (bytes is null)
        {
            return (null, Refused);
        }
        try
        {
            var snapshot = JsonSerializer.Deserialize<ViewSnapshot>(bytes, WireJson.PayloadOptions);
            if (snapshot is { Version: ViewSnapshot.CurrentVersion } && snapshot.ViewId == viewId && snapshot.BrowserSessionId == browserSessionId)
            {
                return (snapshot, Hit);
            }
            Log.SnapshotRefused(_logger, viewId, "it belongs to another view or browser session, or has an old format");
        }
        catch (JsonException)
        {
            Log.SnapshotRefused(_logger, viewId, "it is not a snapshot");
        }
        return (null, Refused);
    }

    public ValueTask DeleteAsync(string viewId, string browserSessionId, CancellationToken cancellationToken) =>
        _store?.DeleteAsync(StoreKey(viewId, browserSessionId), cancellationToken) ?? ValueTask.CompletedTask;

    private string Protect(byte[] bytes) => WebEncoders.Base64UrlEncode(_protector.Protect(bytes, _time.GetUtcNow() + _options.MaxAge));

    private byte[]? Unprotect(string token)
    {
        try
        {
            return _protector.Unprotect(WebEncoders.Base64UrlDecode(token), out _);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            Log.SnapshotRefused(_logger, "(client token)", "the token is forged, from another key ring, or expired");
            return null;
        }
    }

    /// <summary>Where the store keeps a view's snapshot: a hash, so the store never sees the view id or browser session.</summary>
    public static string StoreKey(string viewId, string browserSessionId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{viewId}\n{browserSessionId}")));

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Error, "Snapshot of {View} not saved: {Size} bytes exceed Rekindle:Recovery:MaxSnapshotBytes ({Limit}); largest members: {Largest}. The view keeps running but will not be recoverable until it shrinks; mark fewer or smaller members [Recoverable], or raise the limit.", EventName = nameof(SnapshotTooLarge))]
        public static partial void SnapshotTooLarge(ILogger logger, string view, int size, int limit, string largest);

        [LoggerMessage(4005, LogLevel.Debug, "Snapshot of {View} saved: {Size} bytes, generation {Generation}.", EventName = nameof(SnapshotSaved))]
        public static partial void SnapshotSaved(ILogger logger, string view, int size, long generation);

        [LoggerMessage(4003, LogLevel.Warning, "The snapshot store did not take the snapshot of {View}; until it does again, snapshots travel to the browser in the reply that acknowledges their change and come back with the next join.", EventName = nameof(SaveFailed))]
        public static partial void SaveFailed(ILogger logger, Exception exception, string view);

        [LoggerMessage(4007, LogLevel.Debug, "Snapshot of {View} (generation {Generation}) sent to the browser: the store did not take it ({Reason}).", EventName = nameof(SnapshotSentToBrowser))]
        public static partial void SnapshotSentToBrowser(ILogger logger, string view, long generation, string reason);

        [LoggerMessage(4004, LogLevel.Error, "Loading the snapshot of {View} failed; the view mounts from the snapshot its browser holds, if any, else fresh.", EventName = nameof(LoadFailed))]
        public static partial void LoadFailed(ILogger logger, Exception exception, string view);

        [LoggerMessage(4006, LogLevel.Warning, "The snapshot store is unreachable for rejoining view {View}: its socket is closed with 1012 so the client comes back later (for up to {Wait}, then it mounts fresh).", EventName = nameof(LoadUnavailable))]
        public static partial void LoadUnavailable(ILogger logger, Exception exception, string view, TimeSpan wait);

        [LoggerMessage(4002, LogLevel.Warning, "Snapshot for {View} refused, the view mounts fresh: {Reason}.", EventName = nameof(SnapshotRefused))]
        public static partial void SnapshotRefused(ILogger logger, string view, string reason);
    }
}
