using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Transport;

namespace Rekindle.Hosting;

/// <summary>
/// <c>/live/longpoll</c>, the stock client's fallback when WebSockets are blocked (docs/protocol.md
/// §1.8): the same channel protocol over <see cref="LongPollSessions"/>, with the checks of
/// <see cref="LiveSocketEndpoint"/> (serializer version, draining, origin, CSRF-proven browser
/// session) and its limits. A GET without a token opens a session and answers its token (status 410,
/// as Phoenix); a GET with one waits for frames; a POST delivers the client's frames, one per line.
/// Answers are HTTP 200 with the status in the JSON body, as the client expects; an unknown token
/// gets 410, and the client reconnects with a new session. A request for a session another node holds
/// (a load balancer without sticky sessions) is checked and read here, then answered by that node
/// through <see cref="INodeRelay"/>; when that node is gone, 410.
/// </summary>
internal sealed partial class LongPollEndpoint
{
    public const string Path = "/live/longpoll";

    /// <summary>The client batches at most this many frames per POST (MAX_LONGPOLL_BATCH_SIZE).</summary>
    private const int MaxFramesPerPost = 100;

    private readonly LongPollSessions _sessions;
    private readonly ConnectedSockets _sockets;
    private readonly INodeRelay _relay;
    private readonly TransportOptions _options;
    private readonly ILogger _logger;

    public LongPollEndpoint(LongPollSessions sessions, ConnectedSockets sockets, INodeRelay relay, IOptions<TransportOptions> options, ILogger<LongPollEndpoint> logger)
    {
        _sessions = sessions;
        _sockets = sockets;
        _relay = relay;
        _options = options.Value;
        _logger = logger;
        relay.Answer(LongPollSessions.RelayPurpose, sessions.AnswerRelayedAsync);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var refusal = Refusal(context);
        if (refusal is not null)
        {
            Log.LongPollRefused(_logger, refusal.Value.Status, refusal.Value.Reason);
            await AnswerAsync(context, $$"""{"status":{{refusal.Value.Status}}}""");
            return;
        }
        var token = context.Request.Query["token"].ToString();
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (token.Length == 0 && isGet)
        {
            await AnswerAsync(context, $$"""{"status":410,"token":"{{_sessions.Open(context)}}"}""");
            return;
        }
        string? body = null;
        if (!isGet && (body = await ReadBodyAsync(context)) is null)
        {
            await AnswerAsync(context, """{"status":400}""");
            return;
        }
        var node = LongPollSessions.NodeOf(token);
        string answer;
        if (node is null)
        {
            answer = LongPollSessions.Gone;
        }
        else if (node == _relay.Node)
        {
            answer = body is null ? await _sessions.PollAsync(token, context.RequestAborted) : _sessions.Post(token, body);
        }
        else
        {
            // The node holding the session answers a poll after up to one window; past a second window it is gone.
            answer = await _relay.AskAsync(node, LongPollSessions.RelayPurpose, LongPollSessions.Relay(token, body), 2 * _options.LongPollWindow, context.RequestAborted)
                ?? LongPollSessions.Gone;
        }
        await AnswerAsync(context, answer);
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
        if (_sockets.IsDraining)
        {
            return (410, "the server is shutting down");
        }
        return _options.CheckOrigin && !LiveSocketEndpoint.OriginAllowed(context, _options) ? (403, "origin not allowed") : null;
    }

    /// <summary>The POST body; <see langword="null"/> (logged) when it is over the limit.</summary>
    private async Task<string?> ReadBodyAsync(HttpContext context)
    {
        var limit = (long)_options.MaxFrameBytes * MaxFramesPerPost;
        if (context.Request.ContentLength > limit)
        {
            Log.LongPollRefused(_logger, 413, $"a POST of {context.Request.ContentLength} bytes; at most {limit} (Rekindle:Transport:MaxFrameBytes × {MaxFramesPerPost})");
            return null;
        }
        // A chunked body has no length to check up front: the server stops reading it past the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            return await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException exception)
        {
            Log.LongPollRefused(_logger, exception.StatusCode, exception.Message);
            return null;
        }
    }

    private static Task AnswerAsync(HttpContext context, string answer)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(6102, LogLevel.Debug, "Long-poll request refused with {Status}: {Reason}.", EventName = nameof(LongPollRefused))]
        public static partial void LongPollRefused(ILogger logger, int status, string reason);
    }
}
