using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4323: focused native inputs and form-associated custom elements, with and without <c>phx-patch-focused</c>, under a counter.</summary>
public sealed class Issue4323Live : LiveView
{
    private int _counter;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "increment")
        {
            return base.HandleEventAsync(name, payload);
        }
        _counter++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="test-form">
            <issue-4323-face id="face-default" tabindex="0"><span id="face-default-child">count:{_counter}</span></issue-4323-face>
            <issue-4323-face id="face-opt-in" tabindex="0" phx-patch-focused><span id="face-opt-in-child">count:{_counter}</span></issue-4323-face>
            <issue-4323-delegates-face id="face-delegates" phx-patch-focused><span id="face-delegates-child">count:{_counter}</span></issue-4323-delegates-face>
            <input id="native-default" value="{_counter}">
            <input id="native-opt-in" value="{_counter}" phx-patch-focused>
          </form>
        </main>
        """);
}
