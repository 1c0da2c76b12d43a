using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.BenchApp;

/// <summary>
/// One ballot's fieldset. A component so that a radio click re-renders and morphs only the ballot
/// whose selection changed: the client skips the other components' DOM.
/// </summary>
public sealed class BallotFieldset : LiveComponent
{
    public BallotDef Ballot { get; set; } = default!;

    public string? Selected { get; set; }

    public override Rendered Render() => Html($"""
        <fieldset class="ballot mb-2" id="ballot-{Ballot.Id}"><legend>{Ballot.Title}</legend>{Each(Ballot.Choices, c => c, RenderChoice)}</fieldset>
        """);

    private Rendered RenderChoice(string c) =>
        Html($"""<label class="me-3"><input type="radio" name="ballot-{Ballot.Id}" id="b{Ballot.Id}-{c}" value="{c}" phx-click="select" phx-value-ballot="{Ballot.Id}"{Attr("checked", Selected == c)}> {c}</label>""");
}
