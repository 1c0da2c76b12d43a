using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Keeps <see cref="RedisPresence"/>'s table in step with the cluster. Every
/// <see cref="RekindleRedisOptions.PresenceHeartbeat"/> it refreshes this node's heartbeat (writing its
/// whole set again when Redis lost it), then surveys the nodes: one whose set has another version than
/// the table is read again; one whose heartbeat expired (<see cref="RekindleRedisOptions.PresenceNodeTimeout"/>
/// after its last) is dead and its presences leave. So a killed node's presences leave within the
/// timeout plus one heartbeat. A node is only judged on a survey that Redis answered, and after an
/// outage every node gets the whole timeout to write its heartbeat again, so a Redis restart makes no
/// one leave; a node cut off from Redis longer is reaped by the others and rejoins with its whole set
/// when it is back, so a split heals with neither ghosts nor losses.
/// </summary>
internal sealed partial class PresenceSync(RedisPresence presence, RedisPresenceStore store, IConnectionMultiplexer redis, RekindleRedisOptions options, TimeProvider time, ILogger<PresenceSync> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stale = new(StringComparer.Ordinal);
    private ChannelMessageQueue? _messages;
    private bool _outage = true;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // The others need not wait for the timeout: this node's presences leave now.
            await store.LeaveAsync(presence.Node, PresenceWire.Write(new PresenceWire.Message(presence.Node, PresenceWire.Bye, presence.Version, null, null)));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Log.LeaveFailed(logger, exception.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _messages ??= await SubscribeAsync();
                await presence.AnnounceIfStaleAsync(await HeartbeatAsync());
                await SurveyAsync();
                await ResyncAsync();
                if (_outage)
                {
                    _outage = false;
                    Log.InStep(logger);
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                if (!_outage)
                {
                    Log.Unreachable(logger, exception.Message);
                }
                _outage = true;
                presence.MarkStale();
            }
            await NextTickAsync(stoppingToken);
        }
    }

    /// <summary>Waits one heartbeat, or less when <see cref="RedisPresence.Wake"/> is released.</summary>
    private async Task NextTickAsync(CancellationToken stoppingToken)
    {
        using var heartbeat = new CancellationTokenSource(options.PresenceHeartbeat, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(heartbeat.Token, stoppingToken);
        try
        {
            await presence.Wake.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<ChannelMessageQueue> SubscribeAsync()
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisPresenceStore.Channel));
        // In order, one at a time: each node's changes must apply in the order it made them.
        queue.OnMessage(message => Receive((string?)message.Message ?? ""));
        return queue;
    }

    private Task<long?> HeartbeatAsync() => store.HeartbeatAsync(presence.Node, options.PresenceNodeTimeout);

    private void Receive(string json)
    {
        PresenceWire.Message? message;
        try
        {
            message = PresenceWire.ReadMessage(json);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is null)
        {
            Log.UnreadableMessage(logger);
            return;
        }
        if (message.Node == presence.Node)
        {
            return;
        }
        lock (_gate)
        {
            _lastHeard[message.Node] = time.GetUtcNow();
        }
        switch (message.Kind)
        {
            case PresenceWire.Change when TryReadJoins(message, out var joins):
                var applied = presence.Update(table => table.VersionOf(message.Node) == message.Version - 1
                    ? (true, table.Apply(message.Node, message.Version, joins, message.Leaves ?? []))
                    : (table.VersionOf(message.Node) >= message.Version, []));
                if (!applied)
                {
                    MarkStale(message.Node); // a change was missed: read the whole set
                }
                break;
            case PresenceWire.Bye:
                presence.Update(table => (0, table.Remove(message.Node)));
                break;
            default:
                MarkStale(message.Node);
                break;
        }
    }

    private bool TryReadJoins(PresenceWire.Message message, out List<PresenceEntry> joins)
    {
        joins = [];
        foreach (var json in message.Joins ?? [])
        {
            if (ReadEntry(json) is not { } entry)
            {
                return false;
            }
            joins.Add(entry);
        }
        return true;
    }

    private PresenceEntry? ReadEntry(string json)
    {
        try
        {
            return PresenceWire.ReadEntry(json);
        }
        catch (JsonException)
        {
            Log.UnreadableMessage(logger);
            return null;
        }
    }

    private void MarkStale(string node)
    {
        lock (_gate)
        {
            _stale.Add(node);
        }
        presence.Wake.Release();
    }

    private async Task SurveyAsync()
    {
        var nodes = await store.SurveyAsync();
        var now = time.GetUtcNow();
        var timeout = options.PresenceNodeTimeout;
        List<string> dead;
        lock (_gate)
        {
            if (_outage)
            {
                // Nothing could be heard during the outage: every node gets the whole timeout from now.
                foreach (var node in presence.Read(table => table.Nodes.ToList()))
                {
                    _lastHeard[node] = now;
                }
            }
            foreach (var (node, left, version) in nodes.Where(found => found.Node != presence.Node && found.HeartbeatLeft > TimeSpan.Zero))
            {
                var heartbeat = now - (timeout - left);
                _lastHeard[node] = _lastHeard.TryGetValue(node, out var heard) && heard > heartbeat ? heard : heartbeat;
                if (version != presence.Read(table => table.VersionOf(node)))
                {
                    _stale.Add(node);
                }
            }
            var alive = nodes.Where(found => found.HeartbeatLeft > TimeSpan.Zero).Select(found => found.Node).ToHashSet(StringComparer.Ordinal);
            var known = presence.Read(table => table.Nodes.ToList());
            dead = [.. known.Concat(nodes.Select(found => found.Node)).Distinct()
                .Where(node => node != presence.Node && !alive.Contains(node) && (!_lastHeard.TryGetValue(node, out var heard) || now - heard >= timeout))];
            foreach (var node in dead)
            {
                _lastHeard.Remove(node);
                _stale.Remove(node);
            }
        }
        foreach (var node in dead)
        {
            var left = presence.Update(table => (table.EntriesOf(node).Count, table.Remove(node)));
            Log.NodeDead(logger, node, left);
            await store.ReapAsync(node);
        }
    }

    private async Task ResyncAsync()
    {
        List<string> stale;
        lock (_gate)
        {
            stale = [.. _stale];
            _stale.Clear();
        }
        foreach (var node in stale)
        {
            var (version, fields) = await store.ReadAsync(node);
            if (version is null)
            {
                continue; // reaped or not yet written: the survey decides
            }
            var entries = fields.Select(ReadEntry).OfType<PresenceEntry>().ToList();
            presence.Update(table => (0, table.VersionOf(node) is { } known && known >= version
                ? []
                : table.Replace(node, version.Value, entries)));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5133, LogLevel.Warning, "Presence cannot reach Redis ({Reason}): this node's views see only its own changes until Redis answers.", EventName = nameof(Unreachable))]
        public static partial void Unreachable(ILogger logger, string reason);

        [LoggerMessage(5134, LogLevel.Information, "Presence is in step with the cluster through Redis.", EventName = nameof(InStep))]
        public static partial void InStep(ILogger logger);

        [LoggerMessage(5135, LogLevel.Warning, "Node {Node} missed its presence heartbeat for the node timeout: its {Count} presences left.", EventName = nameof(NodeDead))]
        public static partial void NodeDead(ILogger logger, string node, int count);

        [LoggerMessage(5136, LogLevel.Warning, "An unreadable presence message or entry from Redis was dropped (a node running another version?).", EventName = nameof(UnreadableMessage))]
        public static partial void UnreadableMessage(ILogger logger);

        [LoggerMessage(5137, LogLevel.Warning, "This node's presences could not be removed from Redis at shutdown ({Reason}): the other nodes drop them after the node timeout.", EventName = nameof(LeaveFailed))]
        public static partial void LeaveFailed(ILogger logger, string reason);
    }
}
