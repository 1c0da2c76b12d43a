using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Runtime;
using Rekindle.Transport;

namespace Rekindle.Hosting;

/// <summary>
/// <c>/live/websocket</c>: checks the serializer version and the <c>Origin</c>, establishes the browser
/// session from the CSRF token, then hands the connection to a <see cref="ChannelSocket"/>.
/// </summary>
internal sealed partial class LiveSocketEndpoint(
    BrowserSession browserSession,
    ViewProcessFactory views,
    ConnectedSockets sockets,
    JoinAdmission joins,
    Uploads.UploadService uploads,
    TimeProvider time,
    IOptions<TransportOptions> options,
    ILoggerFactory loggers)
{
    public const string Path = "/live/websocket";
    private readonly TransportOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<LiveSocketEndpoint>();
    private readonly ILogger _socketLogger = loggers.CreateLogger<ChannelSocket>();

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "expected a WebSocket upgrade request");
            return;
        }
        var version = UpgradeRequest.Query(context.Request, "vsn");
        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"unsupported serializer version '{version}'; expected vsn=2.x");
            return;
        }
        if (sockets.IsDraining)
        {
            context.Response.Headers.RetryAfter = "1";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "the server is shutting down");
            return;
        }
        if (_options.CheckOrigin && !OriginAllowed(context, _options))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "origin not allowed");
            return;
        }
        var session = UpgradeRequest.Session(context, browserSession);
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync(SocketCompression.AcceptContext(context.Request, _options.Compression));
        var socket = new ChannelSocket(webSocket, session, _options, views, joins, uploads, time, _socketLogger, context.Abort);
        using (sockets.Track(socket))
        {
            await socket.RunAsync(context.RequestAborted);
        }
    }

    internal static bool OriginAllowed(HttpContext context, TransportOptions options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            && string.Equals(originUri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return options.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    private async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        Log.UpgradeRefused(_logger, status, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(6101, LogLevel.Debug, "WebSocket upgrade refused with {Status}: {Reason}.", EventName = nameof(UpgradeRefused))]
        public static partial void UpgradeRefused(ILogger logger, int status, string reason);
    }
}
