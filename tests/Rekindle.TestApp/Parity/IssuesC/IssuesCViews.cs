using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>The views mirroring upstream's issue specs 4027 to 4368 (issue 17, item 13), in a live session whose root layout loads <see cref="IssuesCScript"/>.</summary>
public static class IssuesCViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(IssuesCScript.Path, () => Results.Text(IssuesCScript.Source, "text/javascript"));
        app.MapPost("/test/parity/issue-4107/api", () => Results.Text("submitted"));
        var session = app.MapLiveSession("issues-c")
            .WithRootLayout(page => DefaultLayout.Render(page).Replace("</head>", IssuesCScript.Tag + "</head>", StringComparison.Ordinal));
        session.MapLiveView<Issue4027Live>("/test/parity/issue-4027");
        session.MapLiveView<Issue4066Live>("/test/parity/issue-4066");
        session.MapLiveView<Issue4078Live>("/test/parity/issue-4078");
        session.MapLiveView<Issue4088Live>("/test/parity/issue-4088");
        session.MapLiveView<Issue4094Live>("/test/parity/issue-4094");
        session.MapLiveView<Issue4095Live>("/test/parity/issue-4095");
        session.MapLiveView<Issue4102Live>("/test/parity/issue-4102");
        session.MapLiveView<Issue4107Live>("/test/parity/issue-4107");
        session.MapLiveView<Issue4121Live>("/test/parity/issue-4121");
        session.MapLiveView<Issue4209Live>("/test/parity/issue-4209");
        session.MapLiveView<Issue4212Live>("/test/parity/issue-4212");
        session.MapLiveView<Issue4290ALive>("/test/parity/issue-4290/a");
        session.MapLiveView<Issue4290BLive>("/test/parity/issue-4290/b");
        session.MapLiveView<Issue4323Live>("/test/parity/issue-4323");
        session.MapLiveView<Issue4325Live>("/test/parity/issue-4325");
        session.MapLiveView<Issue4334Live>("/test/parity/issue-4334");
        session.MapLiveView<Issue4350Live>("/test/parity/issue-4350");
        session.MapLiveView<Issue4359Live>("/test/parity/issue-4359");
        session.MapLiveView<Issue4368Live>("/test/parity/issue-4368");
    }
}
