using Microsoft.Extensions.DependencyInjection;
using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>The outcome of a join: a mounted view, or the reason sent to the client (<c>stale</c>, <c>unauthorized</c>, <c>join crashed</c>).</summary>
internal readonly record struct JoinResult(LiveView? View, AsyncServiceScope? Scope, string? ErrorReason)
{
    public IServiceProvider? Services => Scope?.ServiceProvider;

    public static JoinResult Refused(string reason) => new(null, null, reason);
}
