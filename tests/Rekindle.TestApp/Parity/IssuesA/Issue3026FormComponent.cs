using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>The form component of <see cref="Issue3026Live"/>; its events go to the view.</summary>
public sealed class Issue3026FormComponent : LiveComponent
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public override Rendered Render() => Html($"""
        <div>
          Example form
          <form id="example-form" phx-change="validate" phx-submit="submit">
            <input name="name" type="text" value="{Name}">
            <input name="email" type="text" value="{Email}">
            <button type="submit">Submit</button>
          </form>
        </div>
        """);
}
