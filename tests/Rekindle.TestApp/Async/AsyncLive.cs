using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Async;

/// <summary>
/// Async work driven by clicks: the organisation loads with AssignAsync (released, failed, cancelled or
/// reloaded on demand), a report runs with StartAsync, and a card component loads its own value.
/// The query is recoverable; the load is started again by MountAsync on every join.
/// </summary>
public sealed class AsyncLive : LiveView
{
    private readonly AsyncGate _orgGate = new();
    private readonly AsyncGate _reportGate = new();
    private int _mounts;
    private int _clicks;
    private string? _probe;

    [Recoverable]
    public string Query { get; set; } = "acme";

    public AsyncResult<string> Org { get; set; } = AsyncResult<string>.Loading();

    public string Report { get; private set; } = "not started";

    public override ValueTask MountAsync(MountContext context)
    {
        _mounts = context.IsConnected ? 1 : 0;
        _probe = context.Params.GetValueOrDefault("probe");
        LoadOrg();
        return ValueTask.CompletedTask;
    }

    /// <summary>The restore set Query after MountAsync started the load: load again for the restored query.</summary>
    public override ValueTask OnRestoredAsync()
    {
        LoadOrg();
        return ValueTask.CompletedTask;
    }

    private void LoadOrg()
    {
        var work = _orgGate.NextWork();
        var (query, probe) = (Query, _probe);
        AssignAsync(nameof(Org), async cancellationToken =>
        {
            if (probe is not null)
            {
                AsyncCancellations.Watch(probe, cancellationToken);
            }
            return $"{query} {await work(cancellationToken)}";
        });
    }

    public override Rendered Render() => Html($"""
        <section>
          <p id="org">{AsyncBlock(Org, org => Html($"<b>{org}</b>{(Org.IsLoading ? " (reloading)" : "")}"), loading: () => Html($"<i>loading {Query}</i>"), failed: reason => Html($"<em>failed: {reason}</em>"))}</p>
          <p id="report">{Report}</p>
          <p id="clicks">{_clicks}</p>
          <p id="mounts">{_mounts}</p>
          <button id="release" phx-click="release">release</button>
          <button id="globex" phx-click="globex">globex</button>
          <button id="fail" phx-click="fail">fail</button>
          <button id="cancel" phx-click="cancel">cancel</button>
          <button id="reload" phx-click="reload">reload</button>
          <button id="click" phx-click="click">click</button>
          <button id="leave" phx-click="leave">leave</button>
          <button id="start-report" phx-click="start-report">start report</button>
          <button id="release-report" phx-click="release-report">release report</button>
          <button id="fail-report" phx-click="fail-report">fail report</button>
          <button id="cancel-report" phx-click="cancel-report">cancel report</button>
          {Component<AsyncCardComponent>("card")}
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "release": _orgGate.Release("corp"); break;
            case "globex":
                Query = "globex";
                LoadOrg();
                break;
            case "fail": _orgGate.Fail("the directory is down"); break;
            case "cancel": CancelAsync(nameof(Org)); break;
            case "reload": LoadOrg(); break;
            case "click": _clicks++; break;
            case "leave": PushNavigate("/test/js"); break;
            case "start-report":
                Report = "running";
                StartAsync("report", _reportGate.NextWork());
                break;
            case "release-report": _reportGate.Release("42 rows"); break;
            case "fail-report": _reportGate.Fail("report crashed"); break;
            case "cancel-report": CancelAsync("report"); break;
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleAsyncResultAsync(string name, AsyncResult<object?> result)
    {
        if (name != "report")
        {
            return base.HandleAsyncResultAsync(name, result);
        }
        Report = result.IsOk ? $"done: {result.Value}" : $"report failed: {result.Failure}";
        return ValueTask.CompletedTask;
    }
}
