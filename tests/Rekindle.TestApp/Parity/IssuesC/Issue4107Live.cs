using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4107: a plain POST form teleported to the body, submitted by a button outside it.</summary>
public sealed class Issue4107Live : LiveView
{
    public override Rendered Render() => Html($"""
        <main>
          {Portal("test-form-portal", "body", Html($"<form id=\"test-form\" action=\"/test/parity/issue-4107/api\" method=\"post\"><input type=\"hidden\" name=\"test_input\" value=\"test_value\"></form>"))}
          <button type="submit" form="test-form">Submit</button>
        </main>
        """);
}
