using Rekindle.Rendering;
using Microsoft.Extensions.Logging;
using Rekindle.Views;
using Rekindle.Recovery;

namespace Rekindle.Runtime;

/// <summary>
/// The recovery side of one joined view: applies a found snapshot at join, and after every handled
/// message captures the [Recoverable] members of the view and its components and the view's topic
/// positions, saving a new snapshot only when they changed (generation + 1 each time).
/// </summary>
internal sealed partial class ViewRecorder
{
    private readonly SnapshotService _snapshots;
    private readonly LiveView _view;
    private readonly string _viewId;
    private readonly string _browserSessionId;
    private readonly RecoverableMembers _viewMembers;
    private readonly TopicCursors _cursors;
    private readonly ILogger _logger;
    private readonly string? _handoffId;
    private readonly SnapshotEncoder _encoder;
    private string? _storeKey;
    private long _generation;
    private bool _seeded;

    /// <summary>The recorder of <paramref name="view"/>; a sticky view's <paramref name="handoffId"/> (<see cref="StickyHandoffs"/>) gets each of its saves too.</summary>
    public ViewRecorder(SnapshotService snapshots, LiveView view, string viewId, string browserSessionId, TopicCursors cursors, ILogger logger, string? handoffId = null)
    {
        _handoffId = handoffId;
        _cursors = cursors;
        _snapshots = snapshots;
        _view = view;
        _viewId = viewId;
        _browserSessionId = browserSessionId;
        _viewMembers = RecoverableMembers.Of(view.GetType());
        _encoder = new SnapshotEncoder(_viewMembers, viewId, browserSessionId);
        _logger = logger;
        _generation = snapshots.JoinGeneration();
    }

    /// <summary>
    /// Applies the view's part of a snapshot (<paramref name="fromHandoff"/>: a sticky view's handoff, not
    /// its own); the components' parts wait in the registry until they are created.
    /// </summary>
    public bool Restore(ViewSnapshot snapshot, ComponentRegistry components, bool fromHandoff)
    {
        if (snapshot.ViewType != _viewMembers.TypeHash)
        {
            Log.OtherViewType(_logger, _view.GetType().Name);
            return false;
        }
        var dropped = _viewMembers.Apply(_view, snapshot.State, snapshot.Schema, snapshot.MemberTypes);
        if (dropped.Count > 0)
        {
            Log.SchemaChanged(_logger, _view.GetType().Name, string.Join(", ", dropped));
        }
        components.ExpectRestored(snapshot.Components);
        _cursors.Restore(snapshot.Positions);
        _generation = Math.Max(_generation, snapshot.Generation);
        _seeded = fromHandoff;
        return true;
    }

    /// <summary>Whether the view type has [Recoverable] members: a rejoin without its snapshot lost them.</summary>
    public bool HasRecoverableMembers => !_viewMembers.IsEmpty;

    /// <summary>
    /// At join, anchors the topics the view subscribed to while mounting at their current heads and
    /// saves that baseline, unless a restored snapshot already placed them. Without it a view that only
    /// watched (no change of its own to save) had no position after an outage, and the messages it
    /// missed were never replayed. In browser mode the baseline returned goes out with the join reply.
    /// A sticky view seeded from its handoff saves it under its own key at once: a later rejoin of this
    /// page finds its own state, whatever another tab hands off meanwhile.
    /// </summary>
    public ValueTask<BrowserSnapshot?> AnchorAsync(ComponentRegistry components, CancellationToken cancellationToken) =>
        _cursors.HasUnpositioned || _seeded ? RecordAsync(components, cancellationToken) : ValueTask.FromResult<BrowserSnapshot?>(null);

    /// <summary>Remembers the state after join, so only later changes are saved.</summary>
    public void Baseline(ComponentRegistry components)
    {
        if (_snapshots.Options.Enabled)
        {
            _encoder.Remember(_view, components.CaptureRecoverable(), _cursors.Capture());
        }
    }

    /// <summary>Saves a new snapshot if recoverable state changed; in browser mode, returns it for the diff of this state.</summary>
    public async ValueTask<BrowserSnapshot?> RecordAsync(ComponentRegistry components, CancellationToken cancellationToken)
    {
        if (!_snapshots.Options.Enabled)
        {
            return null;
        }
        var componentStates = components.CaptureRecoverable();
        if (_viewMembers.IsEmpty && componentStates.Count == 0)
        {
            return null;
        }
        if (_cursors.HasUnpositioned)
        {
            await _cursors.CatchUpAsync(cancellationToken);
        }
        if (_encoder.EncodeIfChanged(_view, componentStates, _cursors.Capture(), _generation + 1) is not { } bytes)
        {
            return null;
        }
        _generation++;
        _storeKey ??= SnapshotService.StoreKey(_viewId, _browserSessionId);
        var token = await _snapshots.SaveAsync(bytes, _generation, _storeKey, _view.GetType().Name, cancellationToken);
        if (_handoffId is not null)
        {
            await _snapshots.Handoffs.SaveAsync(bytes, _handoffId, _browserSessionId, cancellationToken);
        }
        return token is null ? null : new BrowserSnapshot(_viewId, token);
    }

    private static partial class Log
    {
        [LoggerMessage(4102, LogLevel.Debug, "Snapshot for {View} not applied: it was taken from another view type on the same topic.", EventName = nameof(OtherViewType))]
        public static partial void OtherViewType(ILogger logger, string view);

        [LoggerMessage(4101, LogLevel.Warning, "Restored {View} without members whose name or type changed since the snapshot (a deploy?): {Members}.", EventName = nameof(SchemaChanged))]
        public static partial void SchemaChanged(ILogger logger, string view, string members);
    }
}
