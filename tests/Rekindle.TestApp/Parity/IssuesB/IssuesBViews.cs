using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The routes of the views mirroring Phoenix's end-to-end issue specs 3530 to 3979 (under <c>/test/parity/issue-NNNN</c>).</summary>
public static class IssuesBViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // The views whose hooks IssuesBScript defines, in a route group whose page carries the script.
        var hooks = app.MapLiveSession("issues-b-hooks")
            .WithRootLayout(page => DefaultLayout.Render(page).Replace("</head>", IssuesBScript.Tag + "</head>", StringComparison.Ordinal));
        hooks.MapLiveView<Issue3530Live>("/test/parity/issue-3530");
        hooks.MapLiveView<Issue3647Live>("/test/parity/issue-3647");
        hooks.MapLiveView<Issue3651Live>("/test/parity/issue-3651");
        hooks.MapLiveView<Issue3941Live>("/test/parity/issue-3941");

        var issue3612 = app.MapLiveSession("issue-3612").WithLayout<Issue3612Layout>();
        issue3612.MapLiveView<Issue3612Live>("/test/parity/issue-3612/a");
        issue3612.MapLiveView<Issue3612Live>("/test/parity/issue-3612/b");
        app.MapLiveSession("issue-3656").WithLayout<Issue3656Layout>().MapLiveView<Issue3656Live>("/test/parity/issue-3656");
        app.MapLiveSession("issue-3658").WithLayout<Issue3658Layout>().MapLiveView<Issue3658Live>("/test/parity/issue-3658");
        var issue3681 = app.MapLiveSession("issue-3681").WithLayout<Issue3681Layout>();
        issue3681.MapLiveView<Issue3681Live>("/test/parity/issue-3681");
        issue3681.MapLiveView<Issue3681AwayLive>("/test/parity/issue-3681/away");

        var issue3686 = app.MapLiveSession("issue-3686");
        issue3686.MapLiveView<Issue3686Live>("/test/parity/issue-3686/a");
        issue3686.MapLiveView<Issue3686Live>("/test/parity/issue-3686/b");
        app.MapLiveSession("issue-3686-other").MapLiveView<Issue3686Live>("/test/parity/issue-3686/c");

        app.MapLiveView<Issue3636Live>("/test/parity/issue-3636");
        app.MapLiveView<Issue3684Live>("/test/parity/issue-3684");
        app.MapLiveView<Issue3709Live>("/test/parity/issue-3709");
        app.MapLiveView<Issue3709Live>("/test/parity/issue-3709/{id}");
        app.MapLiveView<Issue3719Live>("/test/parity/issue-3719");
        app.MapLiveView<Issue3814Live>("/test/parity/issue-3814");
        app.MapPost(Issue3814Live.SubmitPath, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return Results.Json(form.Where(field => field.Key != "_csrf_token").ToDictionary(field => field.Key, field => field.Value.ToString()));
        });
        app.MapLiveView<Issue3919Live>("/test/parity/issue-3919");
        app.MapLiveView<Issue3931Live>("/test/parity/issue-3931");
        app.MapLiveView<Issue3953Live>("/test/parity/issue-3953");
        app.MapLiveView<Issue3979Live>("/test/parity/issue-3979");
    }
}
