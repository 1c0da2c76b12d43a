using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Containers;

/// <summary>
/// A routed view in the container it declares (a <c>main</c>), rendering nested views as table rows:
/// one in the <c>tr</c> its type declares, one in a container given to LiveRender.
/// </summary>
[Container("main", "class", "table-page")]
public sealed class ContainerTableLive : LiveView
{
    [Recoverable]
    public int Renders { get; set; }

    public override Rendered Render() => Html($"""
        <p id="parent-renders">{Renders}</p>
        <button id="parent-inc" phx-click="inc">re-render</button>
        <table><tbody id="rows">
          {LiveRender<ContainerRowLive>("row-1", new Dictionary<string, string> { ["name"] = "first" })}
          {LiveRender<ContainerRowLive>("row-2", new Dictionary<string, string> { ["name"] = "second" }, container: new LiveContainer("tr", new Dictionary<string, string> { ["class"] = "row special", ["data-kind"] = "given" }))}
        </tbody></table>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Renders++;
        return ValueTask.CompletedTask;
    }
}
