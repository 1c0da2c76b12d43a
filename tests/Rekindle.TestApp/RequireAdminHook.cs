using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Lets admins mount views of the route group and sends everyone else to /test/flash with an error.</summary>
public sealed class RequireAdminHook : IOnMountHook
{
    public ValueTask OnMountAsync(OnMountContext context)
    {
        if (!context.User.IsInRole("admin"))
        {
            context.PutFlash("error", "Admins only.");
            context.Redirect("/test/flash");
        }
        else if (context.View is GuardedLive guarded)
        {
            guarded.UserName = context.User.Identity?.Name ?? "";
        }
        return ValueTask.CompletedTask;
    }
}
