using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Rekindle.Recovery;

/// <summary>
/// The recoverable state of one view and its components at one moment. Bound to the view id and
/// the browser session, so a snapshot is only ever applied to the view it was taken from; the
/// schema hash covers the view type and its members. Short JSON names: in browser mode the
/// snapshot travels with every change.
/// </summary>
/// <param name="Version">Snapshot format version.</param>
/// <param name="ViewId">The container id (topic suffix).</param>
/// <param name="BrowserSessionId">The browser session the view belongs to.</param>
/// <param name="ViewType">Short hash of the view's type: a snapshot never applies to another view on the same topic (live navigation reuses it).</param>
/// <param name="Schema">Hash of the view type and its recoverable members.</param>
/// <param name="Generation">Increases with every save of this view, across processes and nodes.</param>
/// <param name="State">Recoverable members of the view.</param>
/// <param name="MemberTypes">A short hash of each member's type, to restore what still matches after a deploy.</param>
/// <param name="Components">Recoverable members of each component, keyed by type and id.</param>
/// <param name="Positions">For each subscribed topic, the position of the last message the view handled (<c>major-minor</c>).</param>
internal sealed record ViewSnapshot(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("id")] string ViewId,
    [property: JsonPropertyName("sid")] string BrowserSessionId,
    [property: JsonPropertyName("t")] string ViewType,
    [property: JsonPropertyName("h")] string Schema,
    [property: JsonPropertyName("g")] long Generation,
    [property: JsonPropertyName("s")] JsonObject State,
    [property: JsonPropertyName("m")] JsonObject MemberTypes,
    [property: JsonPropertyName("c")] List<ComponentSnapshot> Components,
    [property: JsonPropertyName("p"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string>? Positions = null)
{
    public const int CurrentVersion = 1;
}

/// <summary>The recoverable members of one component.</summary>
internal sealed record ComponentSnapshot(
    [property: JsonPropertyName("t")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("h")] string Schema,
    [property: JsonPropertyName("s")] JsonObject State,
    [property: JsonPropertyName("m")] JsonObject MemberTypes);
