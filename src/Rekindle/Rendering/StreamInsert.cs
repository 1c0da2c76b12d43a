namespace Rekindle.Rendering;

/// <summary>One inserted or updated stream item as the client's patcher sees it.</summary>
internal readonly record struct StreamInsert(string DomId, int At, int? Limit, bool UpdateOnly);
