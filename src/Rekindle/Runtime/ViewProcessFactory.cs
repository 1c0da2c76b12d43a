using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Routing;
using Rekindle.Telemetry;

namespace Rekindle.Runtime;

/// <summary>Creates the process of a view joining on a socket.</summary>
internal sealed class ViewProcessFactory(IViewJoiner joiner, SnapshotService snapshots, IPubSub pubSub, LiveRouteTable routes, IPresence presence, FlashTokens flashTokens, AsyncWorkTracker asyncWork, RekindleMetrics metrics, TimeProvider time, IHostEnvironment environment, IOptions<RuntimeOptions> options, IOptions<PubSubOptions> pubSubOptions, ILoggerFactory loggers)
{
    private readonly RuntimeOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<ViewProcess>();
    private readonly bool _reportsCrashes = environment.IsDevelopment();

    public ViewProcess Create(string topic, string joinRef, IFrameSink sink, SocketSession session)
    {
        var topics = new TopicCursors(pubSub, pubSubOptions.Value.MaxReplayedMessages, _logger);
        var join = new ViewJoinStep(new ViewOutput(sink, joinRef, topic), session, joiner, snapshots, topics, routes, flashTokens, metrics, _options, _logger);
        return new ViewProcess(topic, joinRef, sink, join, topics, asyncWork, presence, time, _options, new CrashNotice(sink, joinRef, topic, metrics, _reportsCrashes), _logger);
    }
}
