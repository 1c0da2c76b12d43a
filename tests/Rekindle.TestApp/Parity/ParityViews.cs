using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Parity;

/// <summary>The views the Phoenix parity tests use (under <c>/test/parity/</c>).</summary>
public static class ParityViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<ParamsNavigationLive>("/test/parity/params");
        app.MapLiveView<ComponentNavigationLive>("/test/parity/component-navigation");
        app.MapLiveView<RelayLive>("/test/parity/relay");
        app.MapLiveView<TallyParentLive>("/test/parity/tally");
        app.MapLiveView<CardStreamLive>("/test/parity/card-stream");
        app.MapLiveView<SlowFormLive>("/test/parity/slow-form");
        app.MapLiveView<StreamLimitLive>("/test/parity/stream-limit");
        app.MapLiveView<DuplicateChildIdsLive>("/test/parity/duplicate-children");
        app.MapLiveView<RedirectLoopLive>("/test/parity/redirect-loop");
        app.MapLiveView<NavigationHopLive>("/test/parity/hop-a");
        app.MapLiveView<NavigationHopLive>("/test/parity/hop-b");
        app.MapLiveView<StreamResetLive>("/test/parity/stream-reset");
        app.MapLiveView<StreamResetComponentsLive>("/test/parity/stream-reset-components");
        app.MapLiveView<RecoveryFormLive>("/test/parity/recovery-form");
        app.MapLiveView<JsStickyLive>("/test/parity/js-sticky");
        app.MapLiveView<LongListLive>("/test/parity/long-list");
        app.MapLiveView<ProduceLive>("/test/parity/produce/{category}");
        app.MapLiveView<UserStreamLive>("/test/parity/users");
        app.MapLiveView<StreamInsideForLive>("/test/parity/stream-inside-for");
        app.MapLiveView<FormStatesLive>("/test/parity/form-states");
        app.MapLiveView<DynamicInputsLive>("/test/parity/dynamic-inputs");
        app.MapLiveView<Issue3378HomeLive>("/test/parity/issue-3378");
        app.MapLiveView<Issue3819Live>("/test/parity/issue-3819");
        app.MapLiveView<Issue3200Live>("/test/parity/issue-3200/{tab}");
        app.MapLiveSession("issue-4147")
            .WithRootLayout(page => DefaultLayout.Render(page).Replace("<body>", "<body>" + Issue4147Live.HookOutside, StringComparison.Ordinal))
            .MapLiveView<Issue4147Live>("/test/parity/issue-4147");
        IssuesA.IssuesAViews.Map(app);
        IssuesB.IssuesBViews.Map(app);
        IssuesC.IssuesCViews.Map(app);
        app.MapGet("/test/parity/dead", () => Results.Content("<!doctype html><html><body><p id=\"dead\">no live view here</p></body></html>", "text/html"));
    }
}
