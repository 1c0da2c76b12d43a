using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A developer mistake: two forms with the same id.</summary>
public sealed class DuplicateFormsLive : LiveView
{
    public override Rendered Render() => Html($"""
        <main>
          <form id="same" phx-change="a"><input name="a"></form>
          <form id="same" phx-change="b"><input name="b"></form>
        </main>
        """);
}
