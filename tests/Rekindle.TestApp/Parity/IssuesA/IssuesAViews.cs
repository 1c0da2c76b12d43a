using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// The views mirroring upstream's end-to-end issue specs 2787 to 3529 (issue 17, item 13), under
/// <c>/test/parity/issue-NNNN</c>; <c>UpstreamIssues2787To3194Tests</c> and
/// <c>UpstreamIssues3199To3529Tests</c> drive them.
/// </summary>
public static class IssuesAViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<Issue2787Live>("/test/parity/issue-2787");
        app.MapLiveView<Issue2835Live>("/test/parity/issue-2835");
        app.MapLiveSession("issue-2965")
            .WithRootLayout(page => DefaultLayout.Render(page).Replace("</head>", Issue2965Live.Hook + "</head>", StringComparison.Ordinal))
            .MapLiveView<Issue2965Live>("/test/parity/issue-2965");
        app.MapLiveView<Issue3026Live>("/test/parity/issue-3026");
        app.MapLiveView<Issue3040Live>("/test/parity/issue-3040");
        app.MapLiveSession("issue-3047").WithLayout<Issue3047Layout>().MapLiveView<Issue3047PageLive>("/test/parity/issue-3047/{page}");
        app.MapLiveView<Issue3083Live>("/test/parity/issue-3083");
        app.MapLiveView<Issue3107Live>("/test/parity/issue-3107");
        app.MapLiveView<Issue3117Live>("/test/parity/issue-3117");
        app.MapLiveView<Issue3169Live>("/test/parity/issue-3169");
        app.MapLiveView<Issue3194Live>("/test/parity/issue-3194");
        app.MapLiveView<Issue3194OtherLive>("/test/parity/issue-3194/other");
        app.MapLiveView<Issue3199Live>("/test/parity/issue-3199", container: new LiveContainer("div", new Dictionary<string, string> { ["phx-remove"] = Issue3199Live.RemoveView.ToString() }));
        app.MapLiveView<Issue3199AwayLive>("/test/parity/issue-3199/away");
        app.MapLiveView<Issue3319Live>("/test/parity/issue-3319");
        app.MapLiveView<Issue3368Live>("/test/parity/issue-3368");
        app.MapLiveView<Issue3391Live>("/test/parity/issue-3391");
        app.MapLiveView<Issue3448Live>("/test/parity/issue-3448");
        app.MapLiveSession("issue-3496").WithLayout<Issue3496Layout>().MapLiveView<Issue3496PageLive>("/test/parity/issue-3496/{page}");
        app.MapLiveView<Issue3529Live>("/test/parity/issue-3529");
    }
}
