using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// A live view: state on the server, rendered to HTML on the first GET and kept in sync with the
/// browser over a WebSocket by sending only what changed.
/// </summary>
/// <remarks>
/// One instance per browser view. Its methods are called one message at a time, never
/// concurrently, so a view's fields need no locking.
/// </remarks>
/// <example>
/// <code>
/// public sealed class CounterLive : LiveView
/// {
///     public int Count { get; set; }
///     public override Rendered Render() =&gt; Html($"&lt;button phx-click=\"inc\"&gt;{Count}&lt;/button&gt;");
///     public override ValueTask HandleEventAsync(string name, EventPayload payload)
///     {
///         if (name != "inc") return base.HandleEventAsync(name, payload);
///         Count++;
///         return ValueTask.CompletedTask;
///     }
/// }
/// </code>
/// </example>
public abstract class LiveView : LiveTemplate
{
    /// <summary>The page title; a change is sent to the client with the next diff.</summary>
    public string? PageTitle { get; set; }

    /// <summary>Whether this instance runs behind a WebSocket (false during the dead render).</summary>
    protected bool IsConnected { get; private set; }

    /// <summary>Called once per instance: for the dead render, then again when the socket joins.</summary>
    public virtual ValueTask MountAsync(MountContext context) => ValueTask.CompletedTask;

    /// <summary>Called after mount with the URL's route and query parameters.</summary>
    public virtual ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri) => ValueTask.CompletedTask;

    /// <summary>
    /// Handles an event from the client (<c>phx-click</c>, forms, keys, hook <c>pushEvent</c>).
    /// The base implementation refuses the event: the client gets an error reply naming it.
    /// </summary>
    public virtual ValueTask HandleEventAsync(string name, EventPayload payload) =>
        throw new UnhandledEventException(GetType(), name);

    /// <summary>
    /// Called on a connected mount after [Recoverable] state was restored from a snapshot (after a
    /// dropped socket, a restart, or on another node), before the first render: refresh here what is
    /// not snapshotted (data from a database, subscriptions).
    /// </summary>
    public virtual ValueTask OnRestoredAsync() => ValueTask.CompletedTask;

    /// <summary>Handles a server-side message sent to this view (PubSub, timers).</summary>
    public virtual ValueTask HandleInfoAsync(object message) => ValueTask.CompletedTask;

    internal Runtime.IViewRuntime? Runtime { get; set; }

    /// <summary>
    /// Changes the URL without leaving the view: <see cref="HandleParamsAsync"/> runs with the new
    /// parameters and the browser's history gets an entry (or the current one is replaced).
    /// Links do the same with <c>&lt;a href="..." data-phx-link="patch" data-phx-link-state="push"&gt;</c>.
    /// </summary>
    protected void PushPatch(string to, bool replace = false) => Effects.Navigation = new PatchRequest(CheckLocal(to), replace);

    /// <summary>
    /// Goes to another live view of the same route group without a page load (a new view mounts on
    /// the same socket). Links: <c>data-phx-link="redirect"</c>. Outside the group, a page load.
    /// </summary>
    protected void PushNavigate(string to, bool replace = false) => Effects.Navigation = new NavigateRequest(CheckLocal(to), replace);

    /// <summary>Leaves the view with a full page load of <paramref name="to"/> (any URL of this site).</summary>
    protected void Redirect(string to) => Effects.Navigation = new RedirectRequest(CheckLocal(to));

    internal static string CheckLocal(string to) =>
        to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal)
            ? to
            : throw new ArgumentException($"Expected a path on this site starting with '/'. Got: '{to}'.", nameof(to));

    /// <summary>
    /// Receives the messages broadcast on <paramref name="topic"/> (<see cref="PubSub.IPubSub"/>) in
    /// <see cref="HandleInfoAsync"/>, until the view ends. Does nothing in the dead render.
    /// </summary>
    protected void Subscribe(string topic) => Runtime?.Subscribe(topic);

    /// <summary>Delivers <paramref name="message"/> to this view's <see cref="HandleInfoAsync"/> after <paramref name="delay"/>; cancelled when the view ends. Does nothing in the dead render.</summary>
    protected void SendAfter(object message, TimeSpan delay) => Runtime?.SendAfter(message, delay);

    internal void SetConnected(bool connected) => IsConnected = connected;

    /// <summary>
    /// Messages for the user by kind (<c>info</c>, <c>error</c>, …). They survive a
    /// <see cref="PushNavigate"/> or <see cref="Redirect"/> to the next page and are cleared when the
    /// user clicks them (the client's <c>lv:clear-flash</c> event). Render them with <see cref="FlashGroup"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Flash => FlashMessages;

    internal Dictionary<string, string> FlashMessages { get; } = new(StringComparer.Ordinal);

    /// <summary>Shows <paramref name="message"/> as the flash of <paramref name="kind"/> (replacing the previous one).</summary>
    /// <example><code>PutFlash("info", "Saved."); PushNavigate("/items");</code></example>
    protected void PutFlash(string kind, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(message);
        FlashMessages[kind] = message;
    }

    /// <summary>Removes the flash of <paramref name="kind"/>, or every flash when <see langword="null"/>.</summary>
    protected void ClearFlash(string? kind = null) => ClearFlashMessages(kind);

    internal void ClearFlashMessages(string? kind)
    {
        if (kind is null)
        {
            FlashMessages.Clear();
        }
        else
        {
            FlashMessages.Remove(kind);
        }
    }

    /// <summary>
    /// The flash messages as <c>&lt;p id="flash-{kind}" role="alert" phx-click="lv:clear-flash" phx-value-key="{kind}"&gt;</c>
    /// elements inside <c>&lt;div id="flash-group"&gt;</c>; a click clears that message.
    /// </summary>
    protected Rendered FlashGroup() =>
        Html($"<div id=\"flash-group\">{Each(FlashMessages, entry => entry.Key, FlashMessage)}</div>");

    private static Rendered FlashMessage(KeyValuePair<string, string> entry) =>
        Html($"<p id=\"flash-{entry.Key}\" class=\"flash flash-{entry.Key}\" role=\"alert\" phx-click=\"lv:clear-flash\" phx-value-key=\"{entry.Key}\">{entry.Value}</p>");
}
