using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rekindle.Hosting;

/// <summary>
/// Holds a live route's GET or a socket upgrade until every <see cref="IStartupDependency"/> is ready,
/// so a node that starts while Redis is down serves once Redis answers instead of failing. Past
/// <see cref="RekindleOptions.StartupWait"/> the request gets 503 with <c>Retry-After</c>: a proxy may
/// retry it on another node, and the client's socket reconnects with back-off (never a reload).
/// </summary>
internal sealed partial class StartupGate(IEnumerable<IStartupDependency> dependencies, IOptions<RekindleOptions> options, TimeProvider time, ILogger<StartupGate> logger)
{
    private readonly IStartupDependency[] _dependencies = [.. dependencies];
    private readonly TimeSpan _wait = options.Value.StartupWait;

    public IEnumerable<IStartupDependency> NotReady => _dependencies.Where(dependency => !dependency.Ready.IsCompleted);

    /// <summary>
    /// Serves at once when every dependency is ready: returning <paramref name="serve"/>'s task instead of
    /// awaiting it keeps no state machine alive for the life of a socket (about 120 B per connection).
    /// </summary>
    public Task ServeAsync(HttpContext context, Func<HttpContext, Task> serve) =>
        _dependencies.Any(dependency => !dependency.Ready.IsCompleted) ? WaitThenServeAsync(context, serve) : serve(context);

    private async Task WaitThenServeAsync(HttpContext context, Func<HttpContext, Task> serve)
    {
        try
        {
            await Task.WhenAll(_dependencies.Select(dependency => dependency.Ready)).WaitAsync(_wait, time, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            var waiting = string.Join(", ", NotReady.Select(dependency => dependency.Name));
            Log.StillWaiting(logger, waiting, _wait);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "2";
            await context.Response.WriteAsync($"starting: waiting for {waiting}", context.RequestAborted);
            return;
        }
        await serve(context);
    }

    private static partial class Log
    {
        [LoggerMessage(6350, LogLevel.Warning, "A request waited {Wait} for {Dependencies} and got 503 (Rekindle:StartupWait).", EventName = nameof(StillWaiting))]
        public static partial void StillWaiting(ILogger logger, string dependencies, TimeSpan wait);
    }
}
