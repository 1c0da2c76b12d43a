using Microsoft.AspNetCore.Http;
using Rekindle.Rendering;

namespace Rekindle.Hosting;

/// <summary>
/// The 500 page of a dead render whose view threw: in Development the view type and the exception,
/// as ASP.NET Core's developer exception page shows them; otherwise a plain page that reveals nothing.
/// </summary>
internal static class DeadRenderErrorPage
{
    private const string PlainPage = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head><body><h1>Something went wrong</h1><p>The page could not be shown. Please try again in a moment.</p></body></html>";

    public static Task WriteAsync(HttpContext context, Type viewType, Exception exception, bool development)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var page = development ? DevelopmentPage(viewType, exception) : PlainPage;
        return context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static string DevelopmentPage(Type viewType, Exception exception)
    {
        var view = HtmlEscaper.Escape(viewType.FullName ?? viewType.Name);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + view + " failed to render</title></head><body>"
            + "<h1>" + view + " threw while rendering the page</h1>"
            + "<p id=\"exception\">" + HtmlEscaper.Escape(exception.GetType().FullName ?? exception.GetType().Name) + ": " + HtmlEscaper.Escape(exception.Message) + "</p>"
            + "<pre>" + HtmlEscaper.Escape(exception.ToString()) + "</pre></body></html>";
    }
}
