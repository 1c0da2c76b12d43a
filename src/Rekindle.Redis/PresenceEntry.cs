using Rekindle.PubSub;

namespace Rekindle.Redis;

/// <summary>One tracking as the nodes of a cluster exchange it: on which topic, for which key, with which meta.</summary>
internal sealed record PresenceEntry(string Topic, string Key, PresenceMeta Meta);
