using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Runtime;

/// <summary>
/// Handles <c>slow</c> (waits for the probe's gate) and <c>fast</c>, recording when each starts and
/// ends, so a test sees whether two handlers of one view ever overlap.
/// </summary>
public sealed class OrderingLive(RuntimeProbe probe) : LiveView
{
    public int Handled { get; private set; }

    public override Rendered Render() => Html($"<p id=\"handled\">{Handled}</p>");

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        probe.Add(name + " start");
        if (name == "slow")
        {
            await probe.Gate.Task;
        }
        Handled++;
        probe.Add(name + " end");
    }
}

/// <summary><c>crash</c> throws; <c>count</c> counts. Holds a <see cref="ScopedProbe"/> from its DI scope.</summary>
public sealed class CrashingLive(ScopedProbe scoped) : LiveView
{
    public int Count { get; private set; }

    public ScopedProbe Scoped { get; } = scoped;

    public override ValueTask MountAsync(MountContext context)
    {
        Scoped.Connected = IsConnected;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<p id=\"count\">{Count}</p>");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name == "crash")
        {
            throw new InvalidOperationException("CrashingLive crashed on purpose.");
        }
        Count++;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// <c>hang</c> waits on its <see cref="LiveTemplate.CancellationToken"/>, records the cancellation,
/// then waits for the probe's gate before returning, as a handler winding down slowly would.
/// </summary>
public sealed class HangingLive(RuntimeProbe probe, ScopedProbe scoped) : LiveView
{
    public ScopedProbe Scoped { get; } = scoped;

    public override ValueTask MountAsync(MountContext context)
    {
        Scoped.Connected = IsConnected;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<p id=\"state\">ready</p>");

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        probe.Add("hang start");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            probe.Add("hang cancelled");
        }
        await probe.Gate.Task;
        probe.Add("hang returned");
    }
}

/// <summary>Records when its <see cref="LiveTemplate.CancellationToken"/> is cancelled; <c>go</c> navigates to another view.</summary>
public sealed class NavigatingLive(RuntimeProbe probe) : LiveView
{
    public override ValueTask MountAsync(MountContext context)
    {
        if (IsConnected)
        {
            CancellationToken.Register(() => probe.Add("token cancelled"));
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<p id=\"here\">here</p>{Component<TokenComponent>("token")}");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        probe.Add("navigating");
        PushNavigate("/ordering");
        return ValueTask.CompletedTask;
    }
}

/// <summary>A component that records when its <see cref="LiveTemplate.CancellationToken"/> is cancelled.</summary>
public sealed class TokenComponent(RuntimeProbe probe) : LiveComponent
{
    public override ValueTask MountAsync()
    {
        CancellationToken.Register(() => probe.Add("component token cancelled"));
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<p id=\"component\">component</p>");
}

/// <summary>A broadcast for <see cref="RestoringLive"/>.</summary>
public sealed record Tick(string Text);

/// <summary>
/// Counts <c>inc</c> events in a [Recoverable] member and the ticks of its topic, recording each step
/// of a connected life (mount, restore, render, info, disposal), so a test sees their order on a rejoin.
/// </summary>
public sealed class RestoringLive(RuntimeProbe probe) : LiveView, IDisposable
{
    public const string Topic = "runtime-ticks";

    [Recoverable]
    public int Count { get; set; }

    public int Ticks { get; private set; }

    public override ValueTask MountAsync(MountContext context)
    {
        if (IsConnected)
        {
            Subscribe(Topic);
            probe.Add("mount");
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnRestoredAsync(Restoration restoration)
    {
        probe.Add($"restored count {Count}, {restoration.ReplayedMessages} to replay");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render()
    {
        if (IsConnected)
        {
            probe.Add($"render count {Count}, ticks {Ticks}");
        }
        return Html($"<p id=\"count\">{Count}</p><p id=\"ticks\">{Ticks}</p>");
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        Count++;
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (IsConnected)
        {
            probe.Add("view disposed");
        }
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is Tick tick)
        {
            Ticks++;
            probe.Add("info " + tick.Text);
        }
        return ValueTask.CompletedTask;
    }
}
