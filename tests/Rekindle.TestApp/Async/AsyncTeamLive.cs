using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Async;

/// <summary>
/// Multi-key AssignAsync and StreamAsync driven by clicks: the team's lead and size load together
/// (released whole, with a key missing, or cancelled by one key), its members stream in (appended,
/// prepended with a limit, or reset), and a component loads two values together. The team is recoverable;
/// both loads start again from MountAsync and OnRestoredAsync.
/// </summary>
public sealed class AsyncTeamLive : LiveView
{
    private readonly AsyncGate _teamGate = new();
    private readonly AsyncGate _membersGate = new();
    private int _mounts;

    [Recoverable]
    public string Team { get; set; } = "red";

    public AsyncResult<string> Lead { get; set; } = AsyncResult<string>.Loading();

    public AsyncResult<int> Size { get; set; } = AsyncResult<int>.Loading();

    public AsyncResult<int> Members { get; set; } = AsyncResult<int>.Loading();

    public override ValueTask MountAsync(MountContext context)
    {
        _mounts = context.IsConnected ? 1 : 0;
        Load(membersAt: -1, limit: null, reset: false);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnRestoredAsync()
    {
        Load(membersAt: -1, limit: null, reset: false);
        return ValueTask.CompletedTask;
    }

    private void Load(int membersAt, int? limit, bool reset)
    {
        var (team, teamWork, membersWork) = (Team, _teamGate.NextWork(), _membersGate.NextWork());
        AssignAsync([nameof(Lead), nameof(Size)], async cancellationToken =>
        {
            var mode = await teamWork(cancellationToken);
            var values = new Dictionary<string, object?> { [nameof(Lead)] = $"{team} lead" };
            if (mode != "partial")
            {
                values[nameof(Size)] = team.Length;
            }
            return values;
        });
        StreamAsync(
            nameof(Members),
            async cancellationToken => (await membersWork(cancellationToken)).Split(',').Select(name => $"{team}-{name}"),
            member => $"member-{member}",
            membersAt,
            limit,
            reset);
    }

    public override Rendered Render() => Html($"""
        <section>
          <p id="lead">{AsyncBlock(Lead, lead => Html($"{lead}{(Lead.IsLoading ? " (reloading)" : "")}"), loading: () => Html($"lead loading"), failed: reason => Html($"lead failed: {reason}"))}</p>
          <p id="size">{AsyncBlock(Size, size => Html($"{size}"), loading: () => Html($"size loading"), failed: reason => Html($"size failed: {reason}"))}</p>
          <p id="members-state">{(Members.IsLoading ? "members loading" : Members.Failure is { } failure ? $"members failed: {failure}" : $"{Members.Value} members")}</p>
          <ul id="members" phx-update="stream">{StreamEach<string>(nameof(Members), (id, member) => Html($"<li id=\"{id}\">{member}</li>"))}</ul>
          <p id="team">{Team}</p>
          <p id="mounts">{_mounts}</p>
          <button id="release-team" phx-click="release-team">release team</button>
          <button id="partial-team" phx-click="partial-team">partial team</button>
          <button id="cancel-size" phx-click="cancel-size">cancel size</button>
          <button id="release-members" phx-click="release-members">release members</button>
          <button id="release-more" phx-click="release-more">release more</button>
          <button id="fail-members" phx-click="fail-members">fail members</button>
          <button id="blue" phx-click="blue">blue</button>
          <button id="prepend" phx-click="prepend">prepend</button>
          <button id="reset" phx-click="reset">reset</button>
          {Component<AsyncPairComponent>("pair")}
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "release-team": _teamGate.Release("full"); break;
            case "partial-team": _teamGate.Release("partial"); break;
            case "cancel-size": CancelAsync(nameof(Size)); break;
            case "release-members": _membersGate.Release("ann,bob,cy"); break;
            case "release-more": _membersGate.Release("dee,eve"); break;
            case "fail-members": _membersGate.Fail("the roster is down"); break;
            case "blue":
                Team = "blue";
                Load(membersAt: -1, limit: null, reset: false);
                break;
            case "prepend": Load(membersAt: 0, limit: 4, reset: false); break;
            case "reset": Load(membersAt: -1, limit: null, reset: true); break;
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
