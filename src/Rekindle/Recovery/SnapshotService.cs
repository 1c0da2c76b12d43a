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
    private readonly IStateStore? _store;
    private readonly ITimeLimitedDataProtector _protector;
    private readonly RecoveryOptions _options;
    private readonly ILogger _logger;

    private readonly TimeProvider _time;
    private readonly RecoveryMetrics _metrics;
    private readonly StoreOutageWaits _outageWaits;

    public SnapshotService(IServiceProvider services, IDataProtectionProvider protection, TimeProvider time, RecoveryMetrics metrics, IOptions<RecoveryOptions> options, ILogger<SnapshotService> logger)
    {
        _time = time;
        _metrics = metrics;
        _options = options.Value;
        _store = _options.Store == SnapshotStore.Server ? services.GetRequiredService<IStateStore>() : null;
        _protector = protection.CreateProtector("Rekindle.Snapshot.v1").ToTimeLimitedDataProtector();
        _logger = logger;
        _outageWaits = new StoreOutageWaits(_options.StoreOutageWait, time);
    }

    public RecoveryOptions Options => _options;

    public bool UsesServerStore => _store is not null;

    /// <summary>
    /// Saves a snapshot. Returns the token to push to the browser when snapshots live there, else
    /// <see langword="null"/>.
    /// </summary>
    public async ValueTask<string?> SaveAsync(ViewSnapshot snapshot, string viewName, CancellationToken cancellationToken)
    {
        using var activity = RekindleActivities.StartChild("rekindle.snapshot.save");
        activity?.SetTag(TelemetryTags.SnapshotStore, _store is null ? "browser" : "server");
        var started = _time.GetTimestamp();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(snapshot, WireJson.PayloadOptions);
        activity?.SetTag(TelemetryTags.SnapshotBytes, bytes.Length);
        if (bytes.Length > _options.MaxSnapshotBytes)
        {
            _metrics.Oversize.Add(1);
            var largest = RecoverableMembers.Largest(snapshot.State, 3);
            Log.SnapshotTooLarge(_logger, viewName, bytes.Length, _options.MaxSnapshotBytes, largest.Length > 0 ? largest : "(components)");
            return null;
        }
        _metrics.SnapshotBytes.Record(bytes.Length);
        string? token = null;
        if (_store is not null)
        {
            try
            {
                await _store.SaveAsync(StoreKey(snapshot.ViewId, snapshot.BrowserSessionId), snapshot.Generation, bytes, _options.MaxAge, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is down or failing: the view keeps running; this change is not recoverable.
                _metrics.SaveFailed.Add(1);
                RekindleActivities.Fail(activity, exception);
                Log.SaveFailed(_logger, exception, viewName);
                return null;
            }
        }
        else
        {
            token = WebEncoders.Base64UrlEncode(_protector.Protect(bytes, _time.GetUtcNow() + _options.MaxAge));
        }
        _metrics.SaveDuration.Record(_time.GetElapsedTime(started).TotalMilliseconds);
        Log.SnapshotSaved(_logger, viewName, bytes.Length, snapshot.Generation);
        return token;
    }

    /// <summary>
    /// Finds the snapshot of a joining view; a forged, foreign or expired one is refused and logged.
    /// When the store cannot be reached for a rejoining view, the lookup says so (for up to
    /// <see cref="RecoveryOptions.StoreOutageWait"/>), so the view can come back later instead of losing its state.
    /// </summary>
    public async ValueTask<SnapshotLookup> LoadAsync(string viewId, string browserSessionId, ConnectParams connectParams, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || connectParams.MountAttempts >= _options.SkipAfterFailedJoins)
        {
            return default;
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
        byte[]? bytes;
        if (_store is not null)
        {
            var key = StoreKey(viewId, browserSessionId);
            try
            {
                bytes = await _store.LoadAsync(key, cancellationToken);
                _outageWaits.Answered(key);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A first join has no snapshot to lose (its view id is new); a rejoin may.
                if (connectParams.IsReconnect && _outageWaits.ShouldRetry(key))
                {
                    Log.LoadUnavailable(_logger, exception, viewId, _options.StoreOutageWait);
                    return (null, Unavailable);
                }
                Log.LoadFailed(_logger, exception, viewId);
                return (null, Miss);
            }
        }
        else if (connectParams.GetString(ConnectParamName) is { Length: > 0 } token)
        {
            bytes = Unprotect(token);
            if (bytes is null)
            {
                return (null, Refused);
            }
        }
        else
        {
            return (null, Miss);
        }
        if (bytes is null)
        {
            return (null, Miss);
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

    private static string StoreKey(string viewId, string browserSessionId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{viewId}\n{browserSessionId}")));

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Error, "Snapshot of {View} not saved: {Size} bytes exceed Rekindle:Recovery:MaxSnapshotBytes ({Limit}); largest members: {Largest}. The view keeps running but will not be recoverable until it shrinks; mark fewer or smaller members [Recoverable], or raise the limit.", EventName = nameof(SnapshotTooLarge))]
        public static partial void SnapshotTooLarge(ILogger logger, string view, int size, int limit, string largest);

        [LoggerMessage(4005, LogLevel.Debug, "Snapshot of {View} saved: {Size} bytes, generation {Generation}.", EventName = nameof(SnapshotSaved))]
        public static partial void SnapshotSaved(ILogger logger, string view, int size, long generation);

        [LoggerMessage(4003, LogLevel.Error, "Saving the snapshot of {View} failed; the view keeps running, its latest change is not recoverable.", EventName = nameof(SaveFailed))]
        public static partial void SaveFailed(ILogger logger, Exception exception, string view);

        [LoggerMessage(4004, LogLevel.Error, "Loading the snapshot of {View} failed; the view mounts fresh.", EventName = nameof(LoadFailed))]
        public static partial void LoadFailed(ILogger logger, Exception exception, string view);

        [LoggerMessage(4006, LogLevel.Warning, "The snapshot store is unreachable for rejoining view {View}: its socket is closed with 1012 so the client comes back later (for up to {Wait}, then it mounts fresh).", EventName = nameof(LoadUnavailable))]
        public static partial void LoadUnavailable(ILogger logger, Exception exception, string view, TimeSpan wait);

        [LoggerMessage(4002, LogLevel.Warning, "Snapshot for {View} refused, the view mounts fresh: {Reason}.", EventName = nameof(SnapshotRefused))]
        public static partial void SnapshotRefused(ILogger logger, string view, string reason);
    }
}
