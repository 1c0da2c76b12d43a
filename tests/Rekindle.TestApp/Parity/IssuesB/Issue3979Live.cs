using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3979: ten components whose root element id carries their counter. Each click bumps
/// the next one (its element gets a new id) and, a moment later, updates that one to 10 with
/// <c>SendUpdate</c>, so component updates arrive for elements whose ids just changed.
/// </summary>
public sealed class Issue3979Live : LiveView
{
    private readonly int[] _counters = new int[10];
    private int _next = 1;

    private sealed record Bumped(int Index);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "bump" || _next > _counters.Length)
        {
            return base.HandleEventAsync(name, payload);
        }
        _counters[_next - 1]++;
        SendAfter(new Bumped(_next), TimeSpan.FromMilliseconds(100));
        _next++;
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is Bumped bumped)
        {
            SendUpdate<Issue3979Component>(Id(bumped.Index), new { Counter = 10 });
        }
        return ValueTask.CompletedTask;
    }

    private static string Id(int index) => "comp-" + index.ToString(CultureInfo.InvariantCulture);

    public override Rendered Render() => Html($"""
        {Each(Enumerable.Range(1, _counters.Length), i => i, i => Html($"{Component<Issue3979Component>(Id(i), new { DomId = $"hello-{i}-{_counters[i - 1]}", Counter = _counters[i - 1] })}"))}
        <button phx-click="bump">Bump ID (and counter)</button>
        """);
}
