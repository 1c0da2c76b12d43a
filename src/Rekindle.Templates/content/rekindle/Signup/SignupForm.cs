namespace RekindleApp.Signup;

/// <summary>What the sign-up form holds, and its rules.</summary>
public sealed record SignupForm(string Name, string Email)
{
    public static readonly SignupForm Empty = new("", "");

    public string? NameError => Name.Trim().Length switch
    {
        0 => "Please enter your name.",
        > 50 => "At most 50 characters.",
        _ => null,
    };

    public string? EmailError
    {
        get
        {
            var email = Email.Trim();
            var at = email.IndexOf('@');
            return at > 0 && at < email.Length - 1 ? null : "Please enter an email address like ada@example.com.";
        }
    }

    public bool IsValid => NameError is null && EmailError is null;
}
