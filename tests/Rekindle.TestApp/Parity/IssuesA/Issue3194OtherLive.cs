using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Where <see cref="Issue3194Live"/> navigates: counts the events it gets other than its own
/// <c>ping</c>, which must stay at none (an event of the previous view reaching it would count).
/// </summary>
public sealed class Issue3194OtherLive : LiveView
{
    private int _pings;
    private int _strays;

    public override Rendered Render() => Html($"""
        <main>
          <h2>Another LiveView</h2>
          <button id="ping" phx-click="ping">ping</button>
          <p id="pings">{_pings}</p>
          <p id="strays">{_strays}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name == "ping")
        {
            _pings++;
        }
        else
        {
            _strays++;
        }
        return ValueTask.CompletedTask;
    }
}
