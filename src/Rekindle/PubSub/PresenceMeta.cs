namespace Rekindle.PubSub;

/// <summary>One tracking of a presence key.</summary>
/// <param name="Ref">Unique per tracking and per update; the <c>phx_ref</c> of Phoenix's presence JSON.</param>
/// <param name="Values">The metadata given to <see cref="IPresence.Track"/> or <see cref="IPresenceTracking.Update"/>.</param>
public sealed record PresenceMeta(string Ref, IReadOnlyDictionary<string, string> Values);
