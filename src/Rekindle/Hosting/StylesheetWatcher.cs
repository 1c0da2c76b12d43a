using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using Rekindle.Runtime;

namespace Rekindle.Hosting;

/// <summary>
/// Development live reload of CSS: while hot reload is active (<c>dotnet watch</c>) in the
/// Development environment, an edited <c>.css</c> file under wwwroot makes every connected page
/// fetch its stylesheets again, in place (no page reload, so no view loses anything).
/// </summary>
internal sealed class StylesheetWatcher(IServiceProvider services) : IHostedService
{
    private IDisposable? _watch;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Optional: a generic host without a web host has no web root to watch.
        if (HotReload.IsActive && services.GetService<IWebHostEnvironment>() is { } environment && environment.IsDevelopment())
        {
            _watch = ChangeToken.OnChange(() => environment.WebRootFileProvider.Watch("**/*.css"), () => HotReload.Notify(HotReloadKind.Stylesheets));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watch?.Dispose();
        return Task.CompletedTask;
    }
}
