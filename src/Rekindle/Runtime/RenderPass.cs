using Rekindle.Rendering;

namespace Rekindle.Runtime;

/// <summary>One render of a view: its tree, the components rendered with it, and the browser-kept snapshot of the state it shows, if one was taken.</summary>
internal readonly record struct RenderPass(Rendered Root, List<ComponentRender> Components, BrowserSnapshot? Snapshot = null);
