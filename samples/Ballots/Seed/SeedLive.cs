using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Seed;

/// <summary>
/// The design note's page, literally (../shared/seed/liveview-disconnect-patterns.md): ballot
/// components, a hook that stashes submitted selections and pushes them back on reconnect, the view
/// rebuilding them with SendUpdate, connect params, and forms recovered by the client.
/// </summary>
public sealed class SeedLive : LiveView
{
    private static readonly SeedBallot[] Ballots =
    [
        new("lunch", "Lunch?", ["Pizza", "Sushi", "Tacos"]),
        new("color", "Color?", ["Red", "Green", "Blue"]),
        new("pet", "Pet?", ["Cat", "Dog"]),
    ];

    private string _connectInfo = "dead render";
    private string _note = "";
    private string _draft = "";
    private string _ignored = "";
    private int _restored;

    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Seed";
        if (context.ConnectParams is { } connect)
        {
            _connectInfo = $"connected: seed_param={connect.GetString("seed_param")} mounts={connect.Mounts}";
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main class="seed">
          <div id="state-recovery" phx-hook="StateRecoveryHook" data-restored="{_restored}"></div>
          <p id="connect-info">{_connectInfo}</p>
          {Each(Ballots, ballot => ballot.Id, ballot => Html($"{Component<BallotComponent>(ballot.Id, new { Ballot = ballot })}"))}
          <form id="note-form" phx-change="note_changed">
            <input id="note" type="text" name="note" value="{_note}">
          </form>
          <p id="note-echo">{_note}</p>
          <form id="draft-form" phx-change="draft_changed" phx-auto-recover="recover_draft">
            <input id="draft" type="text" name="draft" value="{_draft}">
          </form>
          <p id="draft-echo">{_draft}</p>
          <form id="ignored-form" phx-change="ignored_changed" phx-auto-recover="ignore">
            <input id="ignored" type="text" name="ignored" value="{_ignored}">
          </form>
          <p id="ignored-echo">{_ignored}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "note_changed":
                _note = payload.Form?["note"] ?? "";
                break;
            case "draft_changed":
                _draft = payload.Form?["draft"] ?? "";
                break;
            case "recover_draft":
                _draft = $"{payload.Form?["draft"]} (recovered)";
                break;
            case "ignored_changed":
                _ignored = payload.Form?["ignored"] ?? "";
                break;
            case "restore_saved_state":
                RestoreSubmitted(payload.Value);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The note's manual recovery: the hook sends back what it stashed; each ballot gets its submission again.</summary>
    private void RestoreSubmitted(JsonElement value)
    {
        if (!value.TryGetProperty("saved", out var saved) || saved.ValueKind != JsonValueKind.Object)
        {
            Reply(new { restored = 0 });
            return;
        }
        var count = 0;
        foreach (var entry in saved.EnumerateObject())
        {
            if (Array.Exists(Ballots, ballot => ballot.Id == entry.Name) && entry.Value.ValueKind == JsonValueKind.String)
            {
                SendUpdate<BallotComponent>(entry.Name, new { Submitted = entry.Value.GetString() });
                count++;
            }
        }
        _restored += count;
        Reply(new { restored = count });
    }
}
