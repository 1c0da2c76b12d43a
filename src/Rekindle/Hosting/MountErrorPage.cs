using Microsoft.AspNetCore.Http;
using Rekindle.Rendering;

namespace Rekindle.Hosting;

/// <summary>
/// The answer to a dead render whose view threw (<see cref="RekindleOptions.MountErrorPage"/>), in the
/// manner of ASP.NET Core's exception handling: in Development the exception and the view it came
/// from, for the developer at the browser; otherwise a plain page that gives nothing away, with the
/// request id to find the logged exception by.
/// </summary>
internal static class MountErrorPage
{
    public static async Task WriteAsync(HttpContext context, Type viewType, string pattern, Exception exception, bool development)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var page = development ? Development(context, viewType, pattern, exception) : Plain(context);
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static string Development(HttpContext context, Type viewType, string pattern, Exception exception) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>500: {Escape(viewType.Name)} threw while mounting</title></head>
        <body style="font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem">
        <h1>{Escape(viewType.Name)} threw while mounting</h1>
        <p>View <code id="rekindle-error-view">{Escape(viewType.FullName ?? viewType.Name)}</code>, route <code>{Escape(pattern)}</code>, request <code>{Escape(context.Request.Path + context.Request.QueryString)}</code>.</p>
        <h2 id="rekindle-error-exception">{Escape(exception.GetType().FullName ?? exception.GetType().Name)}: {Escape(exception.Message)}</h2>
        <pre style="white-space: pre-wrap; background: #f6f6f6; padding: 1rem">{Escape(exception.ToString())}</pre>
        <p><small>Shown because the app runs in Development. Elsewhere the user sees a plain error page and the exception is logged (event 6202, request id {Escape(context.TraceIdentifier)}).</small></p>
        </body>
        </html>
        """;

    private static string Plain(HttpContext context) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Something went wrong</title></head>
        <body style="font-family: system-ui, sans-serif; margin: 2rem">
        <h1>Something went wrong</h1>
        <p>This page could not be shown. Please try again in a moment.</p>
        <p><small>Request id: <code>{Escape(context.TraceIdentifier)}</code></small></p>
        </body>
        </html>
        """;

    private static string Escape(string text) => HtmlEscaper.Escape(text);
}
