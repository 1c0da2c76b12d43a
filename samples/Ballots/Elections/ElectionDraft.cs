using System.Globalization;
using System.Text.RegularExpressions;
using Ballots.Data;
using Rekindle.Views;

namespace Ballots.Elections;

/// <summary>One ballot of the create form. <see cref="Key"/> names its fields and stays with it when others are removed.</summary>
public sealed record BallotDraft(int Key, string Question, string Choices)
{
    public string QuestionField => $"ballots[{Key.ToString(CultureInfo.InvariantCulture)}][question]";

    public string ChoicesField => $"ballots[{Key.ToString(CultureInfo.InvariantCulture)}][choices]";
}

/// <summary>
/// The create-election form's content. It is read back from the whole form on every change, so the
/// form itself is the state: the client's form recovery after a reconnect restores every ballot,
/// added ones included, with no recoverable state on the server.
/// </summary>
public sealed partial class ElectionDraft
{
    private ElectionDraft(string title, List<BallotDraft> ballots, int nextKey)
    {
        Title = title;
        Ballots = ballots;
        NextKey = nextKey;
    }

    public string Title { get; }

    public IReadOnlyList<BallotDraft> Ballots { get; private set; }

    /// <summary>The key the next added ballot gets; keys are never reused within a page.</summary>
    public int NextKey { get; private set; }

    /// <summary>Ballot fields past <see cref="ElectionRules.MaxBallots"/> that a forged form sent.</summary>
    public bool Truncated { get; private set; }

    public static ElectionDraft Empty(int firstKey) => new("", [new BallotDraft(firstKey, "", "")], firstKey + 1);

    /// <summary>Reads the form: <c>title</c> and <c>ballots[key][question|choices]</c> in page order; other fields are ignored.</summary>
    public static ElectionDraft FromForm(FormData form, int nextKey)
    {
        var ballots = new List<BallotDraft>();
        var truncated = false;
        foreach (var name in form.Names)
        {
            if (BallotField().Match(name) is not { Success: true } match
                || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            {
                continue;
            }
            var index = ballots.FindIndex(b => b.Key == key);
            if (index < 0)
            {
                if (ballots.Count == ElectionRules.MaxBallots)
                {
                    truncated = true;
                    continue;
                }
                ballots.Add(new BallotDraft(key, "", ""));
                index = ballots.Count - 1;
            }
            ballots[index] = match.Groups[2].ValueSpan is "question"
                ? ballots[index] with { Question = form[name] ?? "" }
                : ballots[index] with { Choices = form[name] ?? "" };
        }
        if (ballots.Count == 0)
        {
            ballots.Add(new BallotDraft(nextKey++, "", ""));
        }
        nextKey = Math.Max(nextKey, ballots.Max(b => b.Key) + 1);
        return new ElectionDraft(form["title"] ?? "", ballots, nextKey) { Truncated = truncated };
    }

    public bool CanAdd => Ballots.Count < ElectionRules.MaxBallots;

    public void Add()
    {
        if (CanAdd)
        {
            Ballots = [.. Ballots, new BallotDraft(NextKey++, "", "")];
        }
    }

    public void Remove(int key)
    {
        if (Ballots.Count > 1)
        {
            Ballots = Ballots.Where(b => b.Key != key).ToList();
        }
    }

    /// <summary>The problem of each field, by field name; empty when the election can be created.</summary>
    public Dictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ElectionRules.CheckTitle(Title) is { } title)
        {
            errors["title"] = title;
        }
        foreach (var ballot in Ballots)
        {
            if (ElectionRules.CheckQuestion(ballot.Question) is { } question)
            {
                errors[ballot.QuestionField] = question;
            }
            if (ElectionRules.CheckChoices(ElectionRules.SplitChoices(ballot.Choices)) is { } choices)
            {
                errors[ballot.ChoicesField] = choices;
            }
        }
        if (Truncated)
        {
            errors["ballots"] = $"An election has at most {ElectionRules.MaxBallots} ballots.";
        }
        return errors;
    }

    public NewElection ToElection() => new(
        Title.Trim(),
        Ballots.Select(b => new NewBallot(b.Question.Trim(), ElectionRules.SplitChoices(b.Choices))).ToArray());

    [GeneratedRegex(@"^ballots\[(\d{1,6})\]\[(question|choices)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex BallotField();
}
