using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>
/// Who is browsing, as the connected mount sees it: the user and their role, the page's connect
/// params, <c>_mounts</c>, and (when the app registers them) a greeting service and the request's
/// Accept-Language header and theme cookie.
/// </summary>
public sealed class VisitorLive(IServiceProvider services) : LiveView
{
    private string _user = "";
    private bool _admin;
    private string _timeZone = "";
    private int _mounts = -1;
    private string _language = "";
    private string _theme = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _user = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous";
        _admin = context.User.IsInRole("admin");
        _timeZone = context.ConnectParams?.GetString("tz") ?? "";
        _mounts = context.ConnectParams?.Mounts ?? -1;
        var request = services.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        _language = request?.Headers.AcceptLanguage.ToString() ?? "";
        _theme = request?.Cookies["theme"] ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="greeting">{services.GetService<IGreeting>()?.Greet(_user) ?? $"Hello {_user}"}</p>
          <p id="admin">{(_admin ? "admin" : "not admin")}</p>
          <p id="tz">{_timeZone}</p>
          <p id="mounts">{_mounts}</p>
          <p id="language">{_language}</p>
          <p id="theme">{_theme}</p>
        </main>
        """);
}
