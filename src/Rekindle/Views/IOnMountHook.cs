namespace Rekindle.Views;

/// <summary>
/// Runs before the <c>MountAsync</c> of every live view of a route group, on the dead render and on
/// the connected mount; registered with <c>app.MapLiveSession(name).OnMount&lt;THook&gt;()</c> and
/// created from DI for each mount.
/// </summary>
/// <example>
/// <code>
/// public sealed class RequireAdmin : IOnMountHook
/// {
///     public ValueTask OnMountAsync(OnMountContext context)
///     {
///         if (!context.User.IsInRole("admin"))
///         {
///             context.PutFlash("error", "Admins only.");
///             context.Redirect("/login");
///         }
///         return ValueTask.CompletedTask;
///     }
/// }
/// </code>
/// </example>
public interface IOnMountHook
{
    /// <summary>Returns to continue the mount; halts it by calling <see cref="OnMountContext.Redirect"/> or <see cref="OnMountContext.PushNavigate"/>.</summary>
    ValueTask OnMountAsync(OnMountContext context);
}
