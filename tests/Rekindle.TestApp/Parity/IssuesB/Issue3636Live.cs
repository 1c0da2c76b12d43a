using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3636: three spaced buttons in a focus wrap between two buttons outside it.</summary>
public sealed class Issue3636Live : LiveView
{
    private static Rendered Buttons() =>
        Html($"<button id=\"first\">One</button><button id=\"second\" style=\"margin-left: 2rem\">Two</button><button id=\"third\" style=\"margin-left: 2rem\">Three</button>");

    public override Rendered Render() => Html($"""
        <div style="padding: 2rem">
          <button>Outside 1</button>
          {FocusWrap("focus-wrap", Buttons())}
          <button>Outside 2</button>
        </div>
        """);
}
