using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>A view no app maps: it needs an <see cref="IGreeting"/> and greets the <c>?name=</c> of its URL.</summary>
public sealed class UnroutedLive(IGreeting greeting) : LiveView
{
    private string _name = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _name = context.Params.GetValueOrDefault("name") ?? "nobody";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<p id="hello">{greeting.Greet(_name)}</p>""");
}
