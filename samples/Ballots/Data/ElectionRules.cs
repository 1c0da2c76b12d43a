namespace Ballots.Data;

/// <summary>
/// The limits of an election and their messages, used by the create form (to explain) and by the
/// store (to refuse what a forged request slips past the form).
/// </summary>
public static class ElectionRules
{
    public const int TitleMax = 120;
    public const int QuestionMax = 200;
    public const int ChoiceMax = 80;
    public const int MinChoices = 2;
    public const int MaxChoices = 8;
    public const int MaxBallots = 10;

    public static string? CheckTitle(string title) => title.Trim() switch
    {
        { Length: 0 } => "Give the election a title.",
        { Length: > TitleMax } t => $"The title is too long: {t.Length} characters, at most {TitleMax}.",
        _ => null,
    };

    public static string? CheckQuestion(string question) => question.Trim() switch
    {
        { Length: 0 } => "Write the question of this ballot.",
        { Length: > QuestionMax } q => $"The question is too long: {q.Length} characters, at most {QuestionMax}.",
        _ => null,
    };

    public static string? CheckChoices(IReadOnlyList<string> choices)
    {
        if (choices.Count is < MinChoices or > MaxChoices)
        {
            return $"List {MinChoices} to {MaxChoices} choices, one per line (now {choices.Count}).";
        }
        foreach (var choice in choices)
        {
            if (choice.Length > ChoiceMax)
            {
                return $"A choice is too long: \"{Shorten(choice)}\" has {choice.Length} characters, at most {ChoiceMax}.";
            }
        }
        var duplicate = choices.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"\"{Shorten(duplicate.Key)}\" is listed twice. Each choice must differ.";
    }

    /// <summary>The choices of a textarea: one per line, trimmed, blank lines left out.</summary>
    public static IReadOnlyList<string> SplitChoices(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();

    /// <summary>Every problem of a whole election, or none.</summary>
    public static IEnumerable<string> Problems(NewElection election)
    {
        if (CheckTitle(election.Title) is { } title)
        {
            yield return title;
        }
        if (election.Ballots.Count is 0 or > MaxBallots)
        {
            yield return $"An election has 1 to {MaxBallots} ballots.";
        }
        foreach (var ballot in election.Ballots)
        {
            if (CheckQuestion(ballot.Question) is { } question)
            {
                yield return question;
            }
            if (CheckChoices(ballot.Choices) is { } choices)
            {
                yield return choices;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
