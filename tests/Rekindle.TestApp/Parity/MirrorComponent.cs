using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Shows the last value a <see cref="RelayComponent"/> sent it.</summary>
public sealed class MirrorComponent : LiveComponent
{
    public int Seen { get; set; } = -1;

    public override Rendered Render() => Html($"<p id=\"mirror\">{Seen}</p>");
}
