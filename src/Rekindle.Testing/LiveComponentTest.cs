using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>
/// A <see cref="Views.LiveComponent"/> mounted in isolation (bUnit's <c>Render&lt;T&gt;</c>): a page of its
/// own rendering only this component with the test's assigns, joined as a browser would. Its
/// elements are clicked and read through <see cref="View"/> or the shortcuts here.
/// Get one from <see cref="LiveTest.MountComponentAsync{TComponent}"/>.
/// </summary>
public sealed class LiveComponentTest : IAsyncDisposable
{
    private const string Root = $"#{IsolatedComponentLive.ContainerId} > [data-phx-component]";
    private readonly IsolatedComponent _component;

    internal LiveComponentTest(LiveViewTest view, IsolatedComponent component)
    {
        View = view;
        _component = component;
    }

    /// <summary>The page holding the component: clicks, forms, waits and assertions as for any view.</summary>
    public LiveViewTest View { get; }

    /// <summary>The component's HTML now (its root carries <c>data-phx-component</c>).</summary>
    public string RenderedHtml => View.Element(Root).OuterHtml;

    /// <summary>The one element of the component matching a CSS selector (and text filter).</summary>
    public LiveElement Element(string selector, string? text = null) => View.Element(selector, text);

    /// <summary>
    /// Renders the component again with new assigns, as a parent rendering it with different
    /// values would: its <c>UpdateAsync</c> runs with them. Returns its HTML once the diff is merged.
    /// </summary>
    /// <example><code>await picker.UpdateAsync(new { Title = "Colours" });</code></example>
    public async Task<string> UpdateAsync(object? assigns, CancellationToken cancellationToken = default)
    {
        _component.Assigns = assigns;
        await View.PushEventAsync(IsolatedComponentLive.RenderEvent, cancellationToken: cancellationToken);
        return RenderedHtml;
    }

    /// <summary>Sends the event <paramref name="name"/> to the component (<c>phx-target</c> it) as a click would; returns its reply, or <see langword="null"/>.</summary>
    public Task<JsonElement?> PushEventAsync(string name, object? value = null, CancellationToken cancellationToken = default) =>
        View.Target(Root).PushEventAsync(name, value, cancellationToken);

    /// <summary>Closes the component's page and stops the minimal app it runs in.</summary>
    public ValueTask DisposeAsync() => View.DisposeAsync();
}
