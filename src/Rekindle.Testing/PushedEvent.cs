using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>An event the view sent to the page with <c>PushEvent(name, payload)</c> (the <c>"e"</c> of a diff).</summary>
/// <param name="Name">The event name, as a hook's <c>handleEvent(name, …)</c> sees it.</param>
/// <param name="Payload">The payload, as JSON.</param>
public sealed record PushedEvent(string Name, JsonElement Payload);
