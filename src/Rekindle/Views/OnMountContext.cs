using System.Security.Claims;

namespace Rekindle.Views;

/// <summary>
/// What an on-mount hook sees: the view about to mount and its <see cref="MountContext"/>. The hook
/// lets the mount continue by returning, or halts it by calling <see cref="Redirect"/> or
/// <see cref="PushNavigate"/>: the view's <c>MountAsync</c> then never runs.
/// </summary>
/// <remarks>
/// Hooks run on the dead render (a halt answers the GET with a 302) and again on the connected
/// mount (a halt answers the join with a redirect the client follows), like Phoenix's <c>on_mount</c>.
/// </remarks>
public sealed class OnMountContext
{
    internal OnMountContext(LiveView view, MountContext mount, IServiceProvider services)
    {
        View = view;
        Mount = mount;
        Services = services;
    }

    /// <summary>The view being mounted; a hook may set its properties before <c>MountAsync</c> runs.</summary>
    public LiveView View { get; }

    /// <summary>The URL, parameters, user and session of this mount.</summary>
    public MountContext Mount { get; }

    /// <summary>The ASP.NET Core user: the page request's at the dead render, the WebSocket upgrade request's when connected.</summary>
    public ClaimsPrincipal User => Mount.User;

    /// <summary>Whether this is the connected mount (false during the dead render).</summary>
    public bool IsConnected => Mount.IsConnected;

    /// <summary>The request's services at the dead render, the view's scope when connected.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Whether a hook halted the mount.</summary>
    public bool IsHalted => View.Effects.Navigation is not null;

    /// <summary>Shows a flash message on the page the mount goes to (or on this view if it continues).</summary>
    public void PutFlash(string kind, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(message);
        View.FlashMessages[kind] = message;
    }

    /// <summary>Halts the mount with a full page load of <paramref name="to"/> (a path on this site).</summary>
    public void Redirect(string to) => View.Effects.Navigation = new RedirectRequest(LiveView.CheckLocal(to));

    /// <summary>
    /// Halts the mount and goes to <paramref name="to"/>: a live navigation when it is a live view of
    /// the same route group and the socket is connected, a page load otherwise.
    /// </summary>
    public void PushNavigate(string to, bool replace = false) => View.Effects.Navigation = new NavigateRequest(LiveView.CheckLocal(to), replace);
}
