using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Runtime;
using Rekindle.Transport;

namespace Rekindle.Hosting;

/// <summary>
/// The long-poll sessions this node holds, one <see cref="ChannelSocket"/> each over a
/// <see cref="LongPollSocket"/>. A token is <c>node.secret</c>: the node that opened the session, so
/// that any node can pass a request on to it (<see cref="INodeRelay"/>), and a random secret. Polls
/// and posts are answered as the JSON body the client reads (docs/protocol.md §1.8), whether the
/// request came here or through another node (<see cref="AnswerRelayedAsync"/>).
/// </summary>
internal sealed partial class LongPollSessions(
    BrowserSession browserSession,
    ViewProcessFactory views,
    ConnectedSockets sockets,
    JoinAdmission joins,
    Uploads.UploadService uploads,
    INodeRelay relay,
    TimeProvider time,
    IOptions<TransportOptions> options,
    ILoggerFactory loggers)
{
    public const string RelayPurpose = "rekindle.longpoll";
    public const string Gone = """{"status":410}""";

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TransportOptions _options = options.Value;
    private readonly ILogger _socketLogger = loggers.CreateLogger<ChannelSocket>();
    private readonly ILogger _logger = loggers.CreateLogger<LongPollSessions>();

    /// <summary>The node that opened the session of <paramref name="token"/>; <see langword="null"/> for a token of no node.</summary>
    public static string? NodeOf(string token) =>
        token.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && token[..dot].All(char.IsAsciiLetterOrDigit) ? token[..dot] : null;

    public string Open(HttpContext context)
    {
        var token = relay.Node + "." + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var session = UpgradeRequest.Session(context, browserSession);
        var socket = new LongPollSocket();
        var channel = new ChannelSocket(socket, session, _options, views, joins, uploads, time, _socketLogger, socket.Abort);
        _sessions[token] = new Session(socket, time.GetUtcNow());
        // The session outlives this request; RunAsync handles its own errors, and its end frees the token.
        _ = Task.Run(async () =>
        {
            using (sockets.Track(channel))
            {
                await channel.RunAsync(CancellationToken.None);
            }
            _sessions.TryRemove(token, out _);
        });
        return token;
    }

    /// <summary>Waits up to the long-poll window for frames to the client of <paramref name="token"/>.</summary>
    public async Task<string> PollAsync(string token, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(token, out var session))
        {
            return Gone;
        }
        var now = time.GetUtcNow();
        if (now - session.LastInbound > _options.IdleTimeout / 2)
        {
            session.LastInbound = now;
            session.Socket.Receive(LongPollKeepAlive.Frame);
        }
        var frames = await session.Socket.TakeAsync(_options.LongPollWindow, cancellationToken);
        return JsonSerializer.Serialize(frames switch
        {
            null => new { status = 410 },
            [] => new { status = 204, token },
            _ => (object)new { status = 200, token, messages = frames },
        });
    }

    /// <summary>Delivers the frames of a POST body (one per line) to the session of <paramref name="token"/>.</summary>
    public string Post(string token, string body)
    {
        if (!_sessions.TryGetValue(token, out var session))
        {
            return Gone;
        }
        session.LastInbound = time.GetUtcNow();
        foreach (var frame in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!session.Socket.Receive(frame))
            {
                Log.PostedFrameRefused(_logger);
                return """{"status":400}""";
            }
        }
        return """{"status":200}""";
    }

    /// <summary>Answers a poll or post that another node received for a session of this one.</summary>
    public async Task<string> AnswerRelayedAsync(string request, CancellationToken cancellationToken)
    {
        var relayed = JsonSerializer.Deserialize<Relayed>(request);
        return relayed switch
        {
            { Token: { } token, Body: null } => await PollAsync(token, cancellationToken),
            { Token: { } token, Body: { } body } => Post(token, body),
            _ => Gone,
        };
    }

    /// <summary>A poll (no body) or a post as it travels to the node that holds the session.</summary>
    public static string Relay(string token, string? body) => JsonSerializer.Serialize(new Relayed(token, body));

    private sealed record Relayed(
        [property: JsonPropertyName("t")] string? Token,
        [property: JsonPropertyName("b")] string? Body);

    private sealed class Session(LongPollSocket socket, DateTimeOffset opened)
    {
        public LongPollSocket Socket { get; } = socket;

        public DateTimeOffset LastInbound { get; set; } = opened;
    }

    private static partial class Log
    {
        [LoggerMessage(6103, LogLevel.Debug, "Long-poll POST refused with 400: a posted line that is neither a JSON array nor base64.", EventName = nameof(PostedFrameRefused))]
        public static partial void PostedFrameRefused(ILogger logger);
    }
}
