using Rekindle.Views;
using Rekindle.Routing;

namespace Rekindle.Hosting;

/// <summary>
/// The mount sequence shared by the dead render and the join: the incoming flash, the route group's
/// on-mount hooks, <c>MountAsync</c>, <c>HandleParamsAsync</c>. Stops at the first step that asked
/// for a navigation and returns it, so the caller can answer with a redirect instead of a render
/// (docs/protocol.md §3.3 step 7, §8.4 "During mount").
/// </summary>
internal sealed class ViewMounter(LiveSessionHooks hooks)
{
    public async ValueTask<NavigationRequest?> MountAsync(LiveView view, LiveRoute route, MountContext context, IServiceProvider services, IReadOnlyDictionary<string, string>? flash)
    {
        if (flash is not null)
        {
            foreach (var (kind, message) in flash)
            {
                view.FlashMessages[kind] = message;
            }
        }
        var hookContext = new OnMountContext(view, context, services);
        foreach (var hook in hooks.For(route.LiveSession))
        {
            await hook(hookContext);
            if (hookContext.IsHalted)
            {
                return view.Effects.Navigation;
            }
        }
        await view.MountAsync(context);
        if (view.Effects.Navigation is { } navigation)
        {
            return navigation;
        }
        await view.HandleParamsAsync(context.Params, context.Uri);
        return view.Effects.Navigation;
    }
}
