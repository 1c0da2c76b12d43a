using System.Text.Json.Nodes;

namespace Rekindle.Recovery;

/// <summary>
/// The recoverable state of one view and its components at one moment. Bound to the view id and
/// the browser session, so a snapshot is only ever applied to the view it was taken from.
/// </summary>
/// <param name="Version">Snapshot format version.</param>
/// <param name="ViewId">The container id (topic suffix).</param>
/// <param name="BrowserSessionId">The browser session the view belongs to.</param>
/// <param name="ViewType">The view's type name.</param>
/// <param name="Schema">Hash of the view type's recoverable members.</param>
/// <param name="Generation">Increases with every save of this view, across processes and nodes.</param>
/// <param name="Url">The view's URL when taken.</param>
/// <param name="State">Recoverable members of the view.</param>
/// <param name="Components">Recoverable members of each component, keyed by type and id.</param>
internal sealed record ViewSnapshot(
    int Version,
    string ViewId,
    string BrowserSessionId,
    string ViewType,
    string Schema,
    long Generation,
    string Url,
    JsonObject State,
    List<ComponentSnapshot> Components)
{
    public const int CurrentVersion = 1;
}

/// <summary>The recoverable members of one component.</summary>
internal sealed record ComponentSnapshot(string Type, string Id, string Schema, JsonObject State);
