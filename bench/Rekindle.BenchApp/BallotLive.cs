using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.BenchApp;

/// <summary>
/// The Blazor baseline's Ballot page (app-files/Ballot.razor): 3 radio groups × 4 choices
/// (<c>#b{1..3}-{choice}</c>), a comment committed on blur (Blazor's <c>@bind</c> fires on change),
/// a submit that copies the draft into a submission held in view state, and the server-side echo
/// of both (<c>#server-draft</c>, <c>#submitted</c>).
/// </summary>
public sealed class BallotLive : LiveView, IDisposable
{
    /// <summary>A submitted ballot. Public so [Recoverable] can serialize it.</summary>
    public sealed record Submission(string? B1, string? B2, string? B3, string Comment);

    private static readonly BallotDef[] Ballots =
    [
        new(1, "Ballot 1: colour", ["Red", "Green", "Blue", "Yellow"]),
        new(2, "Ballot 2: size", ["S", "M", "L", "XL"]),
        new(3, "Ballot 3: day", ["Mon", "Tue", "Wed", "Thu"]),
    ];

    [Recoverable]
    public string?[] Draft { get; set; } = new string?[3];

    [Recoverable]
    public string Comment { get; set; } = "";

    [Recoverable]
    public int Changes { get; set; }

    [Recoverable]
    public Submission? Submitted { get; set; }

    [Recoverable]
    public int SubmitCount { get; set; }

    private bool _counted;

    /// <summary>Called by the runtime when the view's life ends (leave, closed socket, crash).</summary>
    public void Dispose() => BenchStats.ViewEnded(ref _counted);

    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Ballot";
        _counted = context.IsConnected && BenchStats.ViewMounted();
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <h1>Ballot</h1>
        <form id="ballot-form" phx-submit="submit">
        {Each(Ballots, b => b.Id, b => Html($"{Component<BallotFieldset>(b.Id.ToString(CultureInfo.InvariantCulture), new { Ballot = b, Selected = Draft[b.Id - 1] })}"))}
        <div class="mb-2">
        <label for="comment">Comment</label>
        <input id="comment" name="comment" class="form-control" value="{Comment}" phx-blur="comment">
        </div>
        <button id="submit" type="submit" class="btn btn-primary">Submit</button>
        </form>
        <p id="server-draft" class="mt-3">Server draft: B1={Show(Draft[0])} B2={Show(Draft[1])} B3={Show(Draft[2])} comment="{Comment}" changes={Changes}</p>
        <div id="submitted">{RenderSubmitted()}</div>
        """);

    private Rendered RenderSubmitted() => Submitted is { } s
        ? SubmittedText(s)
        : Html($"<em>Nothing submitted yet.</em>");

    private Rendered SubmittedText(Submission s) =>
        Html($"""<strong>Submitted #{SubmitCount}:</strong> <span>B1={Show(s.B1)} B2={Show(s.B2)} B3={Show(s.B3)} comment="{s.Comment}"</span>""");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "select":
                if (int.TryParse(payload.GetString("ballot"), out var ballot) && ballot is >= 1 and <= 3
                    && payload.GetString("value") is { } choice
                    && Array.IndexOf(Ballots[ballot - 1].Choices, choice) >= 0)
                {
                    Draft[ballot - 1] = choice;
                    Changes++;
                }
                break;
            case "comment":
                Comment = payload.GetString("value") ?? "";
                break;
            case "submit":
                Comment = payload.Form?["comment"] ?? Comment;
                Submitted = new Submission(Draft[0], Draft[1], Draft[2], Comment);
                SubmitCount++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    private static string Show(string? s) => s ?? "-";
}
