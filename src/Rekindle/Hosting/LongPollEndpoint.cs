using System.Diagnostics;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Runtime;
using Rekindle.Transport;

namespace Rekindle.Hosting;

/// <summary>
/// <c>/live/longpoll</c>, the stock client's fallback when WebSockets are blocked (docs/protocol.md
/// §1.8): the same channel protocol, one <see cref="ChannelSocket"/> per session over a
/// <see cref="LongPollSocket"/>, with the checks of <see cref="LiveSocketEndpoint"/> (serializer
/// version, draining, origin, CSRF-proven browser session) and its limits. A GET without a token opens
/// a session and answers its token (status 410, as Phoenix); a GET with one waits for frames; a POST
/// delivers the client's frames, one per line. Answers are HTTP 200 with the status in the JSON body,
/// as the client expects; an unknown token gets 410, and the client reconnects with a new session.
/// </summary>
internal sealed partial class LongPollEndpoint(
    BrowserSession browserSession,
    ViewProcessFactory views,
    ConnectedSockets sockets,
    JoinAdmission joins,
    Uploads.UploadService uploads,
    TimeProvider time,
    IOptions<TransportOptions> options,
    ILoggerFactory loggers)
{
    public const string Path = "/live/longpoll";

    /// <summary>The client batches at most this many frames per POST (MAX_LONGPOLL_BATCH_SIZE).</summary>
    private const int MaxFramesPerPost = 100;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TransportOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<LongPollEndpoint>();
    private readonly ILogger _socketLogger = loggers.CreateLogger<ChannelSocket>();

    public async Task HandleAsync(HttpContext context)
    {
        var refusal = Refusal(context);
        if (refusal is not null)
        {
            Log.LongPollRefused(_logger, refusal.Value.Status, refusal.Value.Reason);
            await AnswerAsync(context, new { status = refusal.Value.Status });
            return;
        }
        var token = context.Request.Query["token"].ToString();
        if (token.Length == 0 && HttpMethods.IsGet(context.Request.Method))
        {
            await AnswerAsync(context, new { status = 410, token = Open(context) });
        }
        else if (!_sessions.TryGetValue(token, out var session))
        {
            await AnswerAsync(context, new { status = 410 });
        }
        else if (HttpMethods.IsGet(context.Request.Method))
        {
            await PollAsync(context, token, session);
        }
        else
        {
            await AnswerAsync(context, new { status = await PostAsync(context, session) ? 200 : 400 });
        }
    }

    private (int Status, string Reason)? Refusal(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            return (405, $"method {context.Request.Method} not allowed");
        }
        var version = context.Request.Query["vsn"].ToString();
        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            return (400, $"unsupported serializer version '{version}'; expected vsn=2.x");
        }
        if (sockets.IsDraining)
        {
            return (410, "the server is shutting down");
        }
        return _options.CheckOrigin && !LiveSocketEndpoint.OriginAllowed(context, _options) ? (403, "origin not allowed") : null;
    }

    private string Open(HttpContext context)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var session = new SocketSession(browserSession.Verify(context), context.User, context.Connection.RemoteIpAddress?.ToString() ?? "", Activity.Current?.Context ?? default);
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

    private async Task PollAsync(HttpContext context, string token, Session session)
    {
        var now = time.GetUtcNow();
        if (now - session.LastInbound > _options.IdleTimeout / 2)
        {
            session.LastInbound = now;
            session.Socket.Receive(LongPollKeepAlive.Frame);
        }
        var frames = await session.Socket.TakeAsync(_options.LongPollWindow, context.RequestAborted);
        await AnswerAsync(context, frames switch
        {
            null => new { status = 410 },
            [] => new { status = 204, token },
            _ => (object)new { status = 200, token, messages = frames },
        });
    }

    private async Task<bool> PostAsync(HttpContext context, Session session)
    {
        var limit = (long)_options.MaxFrameBytes * MaxFramesPerPost;
        if (context.Request.ContentLength > limit)
        {
            Log.LongPollRefused(_logger, 413, $"a POST of {context.Request.ContentLength} bytes; at most {limit} (Rekindle:Transport:MaxFrameBytes × {MaxFramesPerPost})");
            return false;
        }
        // A chunked body has no length to check up front: the server stops reading it past the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException exception)
        {
            Log.LongPollRefused(_logger, exception.StatusCode, exception.Message);
            return false;
        }
        session.LastInbound = time.GetUtcNow();
        foreach (var frame in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!session.Socket.Receive(frame))
            {
                Log.LongPollRefused(_logger, 400, "a posted frame that is neither a JSON array nor base64");
                return false;
            }
        }
        return true;
    }

    private static Task AnswerAsync(HttpContext context, object answer)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer), context.RequestAborted);
    }

    private sealed class Session(LongPollSocket socket, DateTimeOffset opened)
    {
        public LongPollSocket Socket { get; } = socket;

        public DateTimeOffset LastInbound { get; set; } = opened;
    }

    private static partial class Log
    {
        [LoggerMessage(6102, LogLevel.Debug, "Long-poll request refused with {Status}: {Reason}.", EventName = nameof(LongPollRefused))]
        public static partial void LongPollRefused(ILogger logger, int status, string reason);
    }
}
