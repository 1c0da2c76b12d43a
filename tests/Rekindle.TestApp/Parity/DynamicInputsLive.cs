using System.Globalization;
using System.Text.RegularExpressions;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A form with a list of users added, removed and kept in order through the list's own fields, in the
/// way of Ecto's <c>sort_param</c>/<c>drop_param</c> (issue 17, item 13): each user carries a hidden
/// <c>my_form[users_sort][]</c> with its index; "add more" sends <c>users_sort[]=new</c>, a user's
/// "Remove" sends its index in <c>users_drop[]</c>, both buttons dispatching <c>change</c>. With
/// <c>?checkboxes=1</c> both are checkboxes instead ("add more" without a value, so it sends <c>on</c>). The
/// form is recovered after a reconnect.
/// </summary>
public sealed partial class DynamicInputsLive : LiveView
{
    private const int MaxUsers = 50;
    private string _name = "";
    private List<string> _users = [];
    private bool _checkboxes;
    [GeneratedRegex(@"^my_form\[users\]\[(\d{1,2})\]\[name\]$")]
    private static partial Regex UserName();

    public override ValueTask MountAsync(MountContext context)
    {
        _checkboxes = context.Params.GetValueOrDefault("checkboxes") == "1";
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "validate" || payload.Form is not { } form)
        {
            return base.HandleEventAsync(name, payload);
        }
        _name = form["my_form[name]"] ?? "";
        var sent = new Dictionary<int, string>();
        foreach (var field in form.Names)
        {
            if (UserName().Match(field) is { Success: true } match)
            {
                sent[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = form[field] ?? "";
            }
        }
        var drop = form.GetAll("my_form[users_drop][]").ToHashSet();
        var users = new List<string>();
        foreach (var key in form.GetAll("my_form[users_sort][]").Where(key => !drop.Contains(key)))
        {
            // A sort key naming a sent user takes it in that place; any other key ("new") adds an empty user.
            if (int.TryParse(key, CultureInfo.InvariantCulture, out var index) && sent.Remove(index, out var user))
            {
                users.Add(user);
            }
            else if (!int.TryParse(key, CultureInfo.InvariantCulture, out _))
            {
                users.Add("");
            }
        }
        users.AddRange(sent.Where(pair => !drop.Contains(pair.Key.ToString(CultureInfo.InvariantCulture))).OrderBy(pair => pair.Key).Select(pair => pair.Value));
        _users = users.Take(MaxUsers).ToList();
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="my-form" phx-change="validate">
            <fieldset>
              <input type="text" id="my-form_name" name="my_form[name]" value="{_name}" placeholder="name">
              {Each(_users.Select((user, index) => (user, index)), entry => User(entry.user, entry.index))}
            </fieldset>
            <input type="hidden" name="my_form[users_drop][]">
            {(_checkboxes ? AddMoreBox() : AddMore())}
          </form>
        </main>
        """);

    private Rendered User(string user, int index) => Html($"""
        <div>
          <input type="hidden" name="my_form[users_sort][]" value="{index}">
          <input type="text" id="my-form_users_{index}_name" name="my_form[users][{index}][name]" value="{user}" placeholder="name">
          {(_checkboxes ? RemoveBox(index) : Remove(index))}
        </div>
        """);

    private static Rendered AddMore() =>
        Html($"<button type=\"button\" name=\"my_form[users_sort][]\" value=\"new\" phx-click=\"{JS.Dispatch("change")}\">add more</button>");

    private static Rendered AddMoreBox() =>
        Html($"<label><input type=\"checkbox\" name=\"my_form[users_sort][]\"> add more</label>");

    private static Rendered RemoveBox(int index) =>
        Html($"<label><input type=\"checkbox\" name=\"my_form[users_drop][]\" value=\"{index}\"> Remove</label>");

    private static Rendered Remove(int index) =>
        Html($"<button type=\"button\" name=\"my_form[users_drop][]\" value=\"{index}\" phx-click=\"{JS.Dispatch("change")}\">Remove</button>");
}
