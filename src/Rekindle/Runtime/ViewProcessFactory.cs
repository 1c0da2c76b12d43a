using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Routing;

namespace Rekindle.Runtime;

/// <summary>Creates the process of a view joining on a socket.</summary>
internal sealed class ViewProcessFactory(IViewJoiner joiner, SnapshotService snapshots, IPubSub pubSub, LiveRouteTable routes, FlashTokens flashTokens, TimeProvider time, IOptions<RuntimeOptions> options, IOptions<PubSubOptions> pubSubOptions, ILoggerFactory loggers)
{
    private readonly RuntimeOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<ViewProcess>();

    public ViewProcess Create(string topic, string joinRef, IFrameSink sink, SocketSession session) =>
        new(topic, joinRef, sink, joiner, snapshots, new TopicCursors(pubSub, pubSubOptions.Value.MaxReplayedMessages, _logger), routes, flashTokens, time, session, _options, _logger);
}
