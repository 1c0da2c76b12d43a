using Rekindle.Rendering;

namespace Rekindle.Runtime;

/// <summary>A component rendered in this pass, with what its client held before it.</summary>
internal readonly record struct ComponentRender(ComponentState State, Rendered? Held, Rendered Next);
