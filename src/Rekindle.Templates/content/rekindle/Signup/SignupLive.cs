using Rekindle.Rendering;
using Rekindle.Views;

namespace RekindleApp.Signup;

/// <summary>
/// A form checked as you type (phx-change) and saved on submit (phx-submit). A field shows its error
/// only once the user has typed in it (FormData.IsUnused), so an empty form does not start out red.
/// </summary>
public sealed class SignupLive : LiveView
{
    private SignupForm _form = SignupForm.Empty;
    private bool _nameUsed;
    private bool _emailUsed;

    [Recoverable]
    public List<string> Members { get; set; } = [];

    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Sign up";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <h1>Sign up</h1>
          <form id="signup" phx-change="validate" phx-submit="save">
            <label>Name <input id="name" name="signup[name]" value="{_form.Name}"></label>
            <p id="name-error" class="error">{(_nameUsed ? _form.NameError ?? "" : "")}</p>
            <label>Email <input id="email" name="signup[email]" value="{_form.Email}"></label>
            <p id="email-error" class="error">{(_emailUsed ? _form.EmailError ?? "" : "")}</p>
            <button id="save" type="submit">Sign up</button>
          </form>
          <ul id="members">{Each(Members, member => Html($"<li>{member}</li>"))}</ul>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        var form = payload.Form;
        if (form is null || name is not ("validate" or "save"))
        {
            return base.HandleEventAsync(name, payload);
        }
        _form = new SignupForm(form["signup[name]"] ?? "", form["signup[email]"] ?? "");
        var submitted = name == "save";
        _nameUsed = submitted || !form.IsUnused("signup[name]");
        _emailUsed = submitted || !form.IsUnused("signup[email]");
        if (submitted && _form.IsValid)
        {
            Members.Add($"{_form.Name.Trim()} <{_form.Email.Trim()}>");
            _form = SignupForm.Empty;
            _nameUsed = _emailUsed = false;
        }
        return ValueTask.CompletedTask;
    }
}
