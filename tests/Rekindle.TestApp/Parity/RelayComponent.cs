using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Passes each value its parent gives it on to the <see cref="MirrorComponent"/> with <c>SendUpdate</c> from <c>UpdateAsync</c> (issue 17, item 9).</summary>
public sealed class RelayComponent : LiveComponent
{
    public int Value { get; set; }

    public override async ValueTask UpdateAsync(object? assigns)
    {
        await base.UpdateAsync(assigns);
        SendUpdate<MirrorComponent>("mirror", new { Seen = Value });
    }

    public override Rendered Render() => Html($"<p id=\"relay\">{Value}</p>");
}
