using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Rendering;
using Rekindle.Runtime;
using Rekindle.Views;

namespace Rekindle.Tests.Runtime;

/// <summary>
/// What a view sends after .NET hot reload changed its code (<see cref="RenderSession.ForgetClientTree"/>):
/// the whole view and every component with their statics, because the client replaces its whole tree,
/// components included, when the view's root comes with statics.
/// </summary>
public sealed class RenderSessionHotReloadTests
{
    [Fact]
    public async Task ForgetClientTree_UnchangedViewAndComponent_SendsBothInFullWithTheirState()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var view = new PageLive { Count = 2 };
        var session = new RenderSession(view, services, maxComponents: 10, NullLogger.Instance);
        using (var joinWriter = new Utf8JsonWriter(new MemoryStream()))
        {
            joinWriter.WriteStartObject();
            session.WriteFull(joinWriter, await session.RenderAsync(), snapshot: null);
            joinWriter.WriteEndObject();
        }
        Assert.Equal("{}", await DiffAsync(session)); // nothing changed, nothing sent

        session.ForgetClientTree();
        var diff = JsonDocument.Parse(await DiffAsync(session)).RootElement;

        Assert.True(diff.TryGetProperty("s", out _), diff.ToString());
        Assert.Equal("2", diff.GetProperty("0").GetString());
        var component = diff.GetProperty("c").GetProperty("1");
        Assert.True(component.TryGetProperty("s", out _), diff.ToString());
        Assert.Equal("Hello", component.GetProperty("0").GetString());
        Assert.Equal("{}", await DiffAsync(session)); // and back to diffs
    }

    private static async Task<string> DiffAsync(RenderSession session)
    {
        var pass = await session.RenderAsync();
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var output = new LazyObjectWriter();
            output.Reset(writer);
            session.WriteDiff(output, pass, snapshot: null);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class PageLive : LiveView
    {
        public int Count { get; set; }

        public override Rendered Render() => Html($"""<main><span id="count">{Count}</span>{Component<GreetingComponent>("greeting")}</main>""");
    }

    private sealed class GreetingComponent : LiveComponent
    {
        public string Text { get; set; } = "Hello";

        public override Rendered Render() => Html($"""<p id="greeting">{Text}</p>""");
    }
}
