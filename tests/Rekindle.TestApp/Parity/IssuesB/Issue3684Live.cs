using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3684: a component's form of radio buttons, each in an element whose click the
/// component handles while the form's own change goes to the view, so the form is locked by one
/// event while the component's patch arrives for another.
/// </summary>
public sealed class Issue3684Live : LiveView
{
    public override Rendered Render() => Html($"{Component<Issue3684BadgeForm>("badge_form")}");

    public override ValueTask HandleEventAsync(string name, EventPayload payload) =>
        name is "change" or "submit" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);
}
