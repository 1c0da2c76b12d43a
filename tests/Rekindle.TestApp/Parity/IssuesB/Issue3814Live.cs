using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3814: a form whose submit event turns on <c>phx-trigger-action</c>, so the client
/// then submits it to <see cref="SubmitPath"/> as a plain POST, which must carry the submit button's
/// name and value.
/// </summary>
public sealed class Issue3814Live : LiveView
{
    /// <summary>Where the form posts; the endpoint answers with the fields it got, as JSON.</summary>
    public const string SubmitPath = "/test/parity/issue-3814/submit";

    private bool _triggerSubmit;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "submit")
        {
            return base.HandleEventAsync(name, payload);
        }
        _triggerSubmit = true;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <form phx-submit="submit"{Attr("phx-trigger-action", _triggerSubmit)} action="{SubmitPath}" method="post">
          <input type="hidden" name="greeting" value="hello">
          <button type="submit" name="i-am-the-submitter" value="submitter-value">Submit</button>
        </form>
        """);
}
