using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Hosting;

namespace Rekindle.TestApp;

/// <summary>The views tests use beside the sample's own.</summary>
public static class TestViews
{
    /// <summary>
    /// Cookie authentication, so on-mount hooks have a user to check (<c>/test/login?role=admin</c>);
    /// the test views' script in every page's head; the rosters.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.PostConfigure<RekindleOptions>(options => options.HeadHtml += TestScript.Tag);
        builder.Services.AddSingleton<Rosters>();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        NestedViews.Map(app);
        Sticky.StickyViews.Map(app);
        Containers.ContainerViews.Map(app);
        app.MapLiveView<FormLive>("/test/form");
        RecoveryTrafficViews.Map(app);
        app.MapLiveView<KeysLive>("/test/keys");
        app.MapLiveView<CrashLive>("/test/crash");
        app.MapLiveView<ListLive>("/test/list");
        app.MapLiveView<StreamLive>("/test/stream");
        app.MapLiveView<TickerLive>("/test/ticker");
        app.MapLiveView<WizardLive>("/test/wizard");
        app.MapLiveView<PagesLive>("/test/pages/{page}");
        app.MapLiveView<DuplicateFormsLive>("/test/duplicate-forms");
        app.MapLiveView<BigLive>("/test/big");
        app.MapLiveView<NodeLive>("/test/node");
        var flash = app.MapLiveSession("flash");
        flash.MapLiveView<FlashLive>("/test/flash");
        flash.MapLiveView<FlashTargetLive>("/test/flash/target/{n?}");
        flash.MapLiveView<MountNavigateLive>("/test/mount-navigate");
        flash.MapLiveView<PatchOnMountLive>("/test/patch-on-mount/{step?}");
        app.MapLiveSession("guarded")
            .OnMount<RequireAdminHook>()
            .OnMount(context =>
            {
                ((GuardedLive)context.View).CheckedBy = "lambda hook";
                return ValueTask.CompletedTask;
            })
            .MapLiveView<GuardedLive>("/test/guarded");
        app.MapLiveView<JsCommandsLive>("/test/js");
        app.MapGet(TestScript.Path, () => Results.Text(TestScript.Source, "text/javascript"));
        app.MapLiveView<HookLifecycleLive>("/test/hook-lifecycle");
        app.MapLiveView<RecoveryErrorLive>("/test/recovery-error");
        app.MapLiveView<RosterLive>("/test/roster/{name}");
        app.MapPost("/test/roster/{name}", (string name, string members, Rosters rosters) =>
        {
            rosters.Set(name, members.Split(','));
            return Results.NoContent();
        });
        app.MapGet("/test/login", async (HttpContext context, string role) =>
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Text("signed in");
        });
        app.MapLiveView<UploadLive>("/test/upload");
        app.MapLiveView<TestingToolsLive>("/test/testing-tools");
        Kit.KitViews.Map(app);
        ResilienceViews.Map(app);
        ClientSurfaceViews.Map(app);
        Uploads.UploadViews.Map(app);
        Async.AsyncViews.Map(app);
        Parity.ParityViews.Map(app);
        ErrorPageViews.Map(app);
        app.MapLiveView<FeedLive>("/test/feed/{topic}");
        app.MapPost("/test/feed/{topic}", async (string topic, string message, Rekindle.PubSub.IPubSub pubSub) =>
        {
            await pubSub.BroadcastAsync(FeedLive.TopicPrefix + topic, message);
            return Results.NoContent();
        });
        app.MapPost("/test/broadcast", async (string message, Rekindle.PubSub.IPubSub pubSub) =>
        {
            await pubSub.BroadcastAsync(TickerLive.Topic, message);
            return Results.NoContent();
        });
    }
}
