using Rekindle.Rendering;

namespace Rekindle.Runtime;

/// <summary>One render of a view: its tree and the components rendered with it.</summary>
internal readonly record struct RenderPass(Rendered Root, List<ComponentRender> Components);
