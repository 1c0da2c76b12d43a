using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Rendering;
using Rekindle.Runtime;
using Rekindle.Views;
using Rekindle.Routing;
using Rekindle.Telemetry;

namespace Rekindle.Hosting;

/// <summary>
/// Answers the first GET of a live route (docs/protocol.md §2): mounts the view disconnected,
/// renders it (inside its route group's live layout) into its container with the signed tokens, and
/// wraps it in the group's page layout.
/// </summary>
internal sealed partial class DeadRenderer(SessionTokens tokens, BrowserSession browserSession, FlashTokens flashTokens, ViewMounter mounter, LiveSessionLayouts layouts, IHostEnvironment environment, IOptions<RekindleOptions> options, ILogger<DeadRenderer> logger)
{
    private readonly RekindleOptions _options = options.Value;

    public async Task RenderAsync(HttpContext context, LiveRoute route)
    {
        using var activity = RekindleActivities.StartChild("rekindle.mount");
        activity?.SetTag(TelemetryTags.View, RekindleActivities.ViewName(route.ViewType));
        try
        {
            await MountAndRenderAsync(context, route);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            RekindleActivities.Fail(activity, exception);
            Log.MountFailed(logger, exception, route.ViewType.Name, route.Pattern);
            if (!_options.MountErrorPage || context.Response.HasStarted)
            {
                throw;
            }
            await MountErrorPage.WriteAsync(context, route.ViewType, route.Pattern, exception, environment.IsDevelopment());
        }
    }

    private async Task MountAndRenderAsync(HttpContext context, LiveRoute route)
    {
        var browserSessionId = browserSession.GetOrCreate(context);
        var view = (LiveView)ActivatorUtilities.CreateInstance(context.RequestServices, route.ViewType);
        view.Cancellation = context.RequestAborted;
        var uri = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}");
        var parameters = RouteParameters.From(context.Request.RouteValues, context.Request.QueryString.Value);
        var flash = flashTokens.TakeFromCookie(context, browserSessionId);
        var mount = new MountContext(uri, parameters, connectParams: null, context.User, browserSessionId);
        if (await mounter.MountAsync(view, route, mount, context.RequestServices, flash) is { } navigation)
        {
            // A hook halted, or the view navigated during mount: any navigation is a plain redirect here.
            flashTokens.PutCookie(context, view.Flash, browserSessionId);
            context.Response.Redirect(navigation.To);
            return;
        }
        var viewId = SessionTokens.NewViewId();
        var token = new SessionToken(SessionToken.CurrentVersion, viewId, route.Pattern, route.LiveSession, browserSessionId);
        var children = new DeadChildViews(tokens, token, uri, context);
        view.Children = children;
        view.Layout = layouts.Create(route.LiveSession, context.RequestServices);
        var root = view.RenderPage();
        await new ComponentRegistry(context.RequestServices, view.Effects, onDropped: static (_, _) => { }, cancellation: context.RequestAborted).ResolveAsync(root);
        var body = await children.FillAsync(root.ToString());
        foreach (var duplicate in FormIdCheck.DuplicateIds(body))
        {
            Log.DuplicateFormId(logger, route.ViewType.Name, duplicate);
        }

        var session = tokens.ProtectSession(token);
        var tag = route.Container?.Tag ?? "div";
        var container = $"<{tag} id=\"{viewId}\" data-phx-main data-phx-session=\"{session}\" data-phx-static=\"{tokens.ProtectStatic(viewId, flash)}\"{route.Container?.AttributesHtml()}>{body}</{tag}>";
        var layout = layouts.RootFor(route.LiveSession) ?? _options.Layout;
        var page = layout(new LayoutContext(
            HtmlEscaper.Escape(view.PageTitle ?? ""),
            browserSession.CsrfToken(browserSessionId),
            ClientAssets.ScriptPath,
            _options.HeadHtml,
            container));

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(6201, LogLevel.Error, "{View} renders more than one <form> with id \"{Id}\"; the client's form recovery matches forms by id and will recover into the wrong one. Expected unique form ids.", EventName = nameof(DuplicateFormId))]
        public static partial void DuplicateFormId(ILogger logger, string view, string id);

        [LoggerMessage(6202, LogLevel.Error, "{View} threw while mounting or rendering for the first GET of {Route}; the browser gets a 500 error page, with the exception in Development only (Rekindle:MountErrorPage).", EventName = nameof(MountFailed))]
        public static partial void MountFailed(ILogger logger, Exception exception, string view, string route);
    }
}
