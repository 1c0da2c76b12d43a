namespace Rekindle.Runtime;

/// <summary>A view rendered a frame larger than <see cref="RuntimeOptions.MaxRenderBytes"/>; the view ends.</summary>
public sealed class RenderTooLargeException(string viewName, int size, int limit)
    : Exception($"{viewName} rendered a {size}-byte frame, over Rekindle:Runtime:MaxRenderBytes ({limit}). The view ends; render less per message (streams, paging) or raise the limit.");
