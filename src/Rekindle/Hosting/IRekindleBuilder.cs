using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.Hosting;

/// <summary>Returned by <c>AddRekindle</c>, for add-on packages to register their services.</summary>
public interface IRekindleBuilder
{
    /// <summary>The application's services, to which <c>AddRekindle</c> added Rekindle's.</summary>
    IServiceCollection Services { get; }
}
