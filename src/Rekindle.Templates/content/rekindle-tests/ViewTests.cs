using Rekindle.Testing;
using RekindleApp.Counter;
using RekindleApp.Signup;

namespace RekindleTests;

public sealed class ViewTests
{
    [Fact]
    public async Task Counter_ClickPlusTwice_ShowsTwo()
    {
        await using var app = await TestApp.StartAsync();
        await using var view = await LiveTest.MountAsync<CounterLive>(app.App, "/");

        await view.Element("#inc").ClickAsync();
        await view.Element("#inc").ClickAsync();

        Assert.Equal("2", view.Element("#count").Text);
    }

    [Fact]
    public async Task Signup_BadEmail_ShowsTheErrorAndSavesNothing()
    {
        await using var app = await TestApp.StartAsync();
        await using var view = await LiveTest.MountAsync<SignupLive>(app.App, "/signup");

        await view.Form("#signup").SubmitAsync(("signup[name]", "Ada"), ("signup[email]", "ada"));

        Assert.Contains("email address", view.Element("#email-error").Text);
        Assert.Equal("", view.Element("#members").Text);
    }

    [Fact]
    public async Task Signup_ValidForm_AddsTheMember()
    {
        await using var app = await TestApp.StartAsync();
        await using var view = await LiveTest.MountAsync<SignupLive>(app.App, "/signup");

        await view.Form("#signup").SubmitAsync(("signup[name]", "Ada"), ("signup[email]", "ada@example.com"));

        Assert.Equal("Ada <ada@example.com>", view.Element("#members li").Text);
    }
}
