namespace Rekindle.Hosting;

/// <summary>
/// The health checks <c>AddRekindle</c> registers: <c>rekindle-startup</c> (unhealthy until every
/// startup dependency such as Redis has answered), <c>rekindle-draining</c> (unhealthy once the node
/// is shutting down and hands its views to other nodes) and <c>rekindle-state-store</c> (degraded while
/// the snapshot store does not answer). All carry <see cref="ReadyTag"/>.
/// </summary>
/// <example><code>app.MapHealthChecks("/health/ready", new() { Predicate = check =&gt; check.Tags.Contains(RekindleHealthChecks.ReadyTag) });</code></example>
public static class RekindleHealthChecks
{
    /// <summary>The tag of the checks that say whether this node should get new users now.</summary>
    public const string ReadyTag = "ready";
}
