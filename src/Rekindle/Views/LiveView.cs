using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Rekindle.Rendering;
using Rekindle.Uploads;

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
public abstract partial class LiveView : LiveTemplate
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

    /// <summary>
    /// <see cref="OnRestoredAsync()"/> with what the restore found: messages of subscribed topics missed
    /// while the view was away follow in <see cref="HandleInfoAsync"/>, except for the topics in
    /// <see cref="Restoration.LostTopics"/>, whose data the view should reload here. The base
    /// implementation calls <see cref="OnRestoredAsync()"/>.
    /// </summary>
    public virtual ValueTask OnRestoredAsync(Restoration restoration) => OnRestoredAsync();

    /// <summary>
    /// Called on a reconnect (<see cref="ConnectParams.IsReconnect"/>) of a view with [Recoverable]
    /// members when no snapshot could be restored, before the first render: the tab was away longer
    /// than <c>Rekindle:Recovery:MaxAge</c>, or its snapshot was refused or never saved. The view has
    /// mounted fresh; say so in the page (the reason is also logged at Information). Default: nothing.
    /// </summary>
    /// <param name="reason">Why nothing was restored, in plain words.</param>
    /// <example><code>public override ValueTask OnStateNotRestoredAsync(string reason) { PutFlash("info", "You were away too long; this page started over."); return ValueTask.CompletedTask; }</code></example>
    public virtual ValueTask OnStateNotRestoredAsync(string reason) => ValueTask.CompletedTask;

    /// <summary>Handles a server-side message sent to this view (PubSub, timers).</summary>
    public virtual ValueTask HandleInfoAsync(object message) => ValueTask.CompletedTask;

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

    /// <summary>
    /// Tracks this view as <paramref name="key"/> on a presence topic (<see cref="PubSub.IPresence"/>)
    /// until the view ends: a closed tab, a dropped socket or a crash is its leave, and the client's
    /// rejoin mounts the view again, which tracks it again. Returns <see langword="null"/> in the dead
    /// render, which tracks nobody.
    /// </summary>
    /// <example><code>
    /// if (IsConnected) { _me = TrackPresence("room:1", userName, new Dictionary&lt;string, string&gt; { ["status"] = "reading" }); }
    /// </code></example>
    protected PubSub.IPresenceTracking? TrackPresence(string topic, string key, IReadOnlyDictionary<string, string> meta) =>
        Runtime?.TrackPresence(topic, key, meta);

    /// <summary>
    /// Receives every join and leave of a presence topic in <see cref="HandleInfoAsync"/> as a
    /// <see cref="PubSub.PresenceDiff"/>, until the view ends. Does nothing in the dead render.
    /// </summary>
    protected void SubscribePresence(string topic) => Runtime?.SubscribePresence(topic);

    /// <summary>Everyone present on a presence topic now, key → metas; empty in the dead render.</summary>
    protected IReadOnlyDictionary<string, IReadOnlyList<PubSub.PresenceMeta>> ListPresence(string topic) =>
        Runtime?.ListPresence(topic) ?? new Dictionary<string, IReadOnlyList<PubSub.PresenceMeta>>();

    /// <summary>Delivers <paramref name="message"/> to this view's <see cref="HandleInfoAsync"/> after <paramref name="delay"/>; cancelled when the view ends. Does nothing in the dead render.</summary>
    protected void SendAfter(object message, TimeSpan delay) => Runtime?.SendAfter(message, delay);

    internal void SetConnected(bool connected) => IsConnected = connected;

    /// <summary>
    /// Messages for the user by kind (<c>info</c>, <c>error</c>, …). They survive a
    /// <see cref="PushNavigate"/> or <see cref="Redirect"/> to the next page and are cleared when the
    /// user clicks them (the client's <c>lv:clear-flash</c> event). Render them with <see cref="FlashGroup"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Flash => (IReadOnlyDictionary<string, string>?)_flash ?? ReadOnlyDictionary<string, string>.Empty;

    // Created by the first flash: an idle view that never showed one holds no dictionary.
    private Dictionary<string, string>? _flash;

    internal Dictionary<string, string> FlashMessages => _flash ??= new(StringComparer.Ordinal);

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
            _flash?.Clear();
        }
        else
        {
            _flash?.Remove(kind);
        }
    }

    /// <summary>
    /// The flash messages as <c>&lt;p id="flash-{kind}" role="alert" phx-click="lv:clear-flash" phx-value-key="{kind}"&gt;</c>
    /// elements inside <c>&lt;div id="flash-group"&gt;</c>; a click clears that message.
    /// </summary>
    protected Rendered FlashGroup() =>
        Html($"<div id=\"flash-group\">{Each(Flash, entry => entry.Key, FlashMessage)}</div>");

    private static Rendered FlashMessage(KeyValuePair<string, string> entry) =>
        Html($"<p id=\"flash-{entry.Key}\" class=\"flash flash-{entry.Key}\" role=\"alert\" phx-click=\"lv:clear-flash\" phx-value-key=\"{entry.Key}\">{entry.Value}</p>");
    internal ViewUploads UploadState { get; } = new();

    /// <summary>The uploads allowed with <see cref="AllowUpload"/>, by name.</summary>
    protected IReadOnlyDictionary<string, UploadConfig> Uploads => UploadState.ByName;

    /// <summary>
    /// Allows an upload named <paramref name="name"/>, rendered with <see cref="LiveFileInput"/> inside a
    /// form with <c>phx-change</c>. Files the client selects are checked against the limits
    /// (errors <c>too_large</c>, <c>not_accepted</c>, <c>too_many_files</c>: <see cref="UploadErrors(UploadConfig)"/>),
    /// uploaded in chunks to a temp file when the form is submitted, and handed over by
    /// <see cref="ConsumeUploadedEntries{T}"/>. Call it in <see cref="MountAsync"/>.
    /// </summary>
    /// <param name="name">The upload's name (the input's <c>name</c>).</param>
    /// <param name="accept">Extensions and MIME types, comma-separated (<c>".png,.jpg,image/*"</c>); <see langword="null"/> for any file.</param>
    /// <param name="maxEntries">Files one selection may hold.</param>
    /// <param name="maxFileSize">The largest file in bytes; a client sending more is cut off.</param>
    /// <param name="autoUpload">Upload each file as soon as it is chosen (its progress renders while the user fills the rest of the form); the submit then waits for none.</param>
    /// <param name="external">
    /// Makes the upload external: files go from the browser straight to another service (an object
    /// store) through a client uploader, never over the socket. Called on the view's loop for each
    /// entry the client asks to upload; its <see cref="ExternalUpload"/> names the uploader and its
    /// metadata (a presigned URL), or refuses the entry. An exception it throws is logged and refuses
    /// the entry with <c>presign_failed</c>. Consume with <see cref="ConsumeExternalEntries"/>.
    /// </param>
    /// <param name="progress">
    /// Called on the view's loop each time an entry's progress advances, before the reply renders, as
    /// Phoenix's <c>progress:</c> option: with <paramref name="autoUpload"/>, consume each file the moment
    /// it is done (<c>entry.IsDone</c>) with <see cref="ConsumeUploadedEntry{T}"/>, no submit needed.
    /// </param>
    /// <param name="maxEntriesMode">Whether <paramref name="maxEntries"/> also counts the files already consumed (<see cref="MaxEntriesMode.Total"/>), as Phoenix's <c>max_entries_mode</c>.</param>
    /// <param name="writer">
    /// Sends each entry's bytes to the <see cref="IUploadWriter"/> it returns instead of a temp file
    /// (Phoenix's <c>writer:</c>); called on the view's loop when the entry is preflighted. Consume with
    /// the overloads of <see cref="ConsumeUploadedEntries{TWriter, T}"/> and <see cref="ConsumeUploadedEntry{TWriter, T}"/> that hand over the writer.
    /// An exception this function throws ends the view, as in an event handler; one the writer throws fails its entry only.
    /// </param>
    /// <param name="chunkSize">Bytes per chunk the client sends, 1 to 64,000, as Phoenix's <c>chunk_size</c>; a larger chunk fails its entry.</param>
    /// <example><code>AllowUpload("avatar", accept: ".png,.jpg", maxEntries: 1, maxFileSize: 2_000_000);</code></example>
    protected UploadConfig AllowUpload(string name, string? accept = null, int maxEntries = 1, long maxFileSize = 8_000_000, bool autoUpload = false, Func<UploadEntry, ExternalUpload>? external = null, Func<UploadEntry, ValueTask>? progress = null, MaxEntriesMode maxEntriesMode = MaxEntriesMode.Selected, Func<UploadEntry, IUploadWriter>? writer = null, int chunkSize = 64_000) =>
        UploadState.Allow(name, accept, maxEntries, maxFileSize, autoUpload, external, progress, maxEntriesMode, writer, chunkSize);

    /// <summary>
    /// Hands each finished file of upload <paramref name="name"/> to <paramref name="consume"/> with the
    /// path of its temp file (move or copy it there), then deletes what is left and removes the
    /// entries. Call it in the form's <c>phx-submit</c> handler, where every upload is done.
    /// </summary>
    /// <example><code>ConsumeUploadedEntries("avatar", (path, entry) =&gt; { File.Move(path, Path.Combine(dir, entry.Uuid)); return entry.ClientName; });</code></example>
    protected List<T> ConsumeUploadedEntries<T>(string name, Func<string, UploadEntry, T> consume) =>
        UploadState.Consume(name, consume, Runtime?.Transfers);

    /// <summary>
    /// Hands one done entry's temp file to <paramref name="consume"/>, then deletes what is left and
    /// removes the entry, whatever the upload's other entries are doing (Phoenix's <c>consume_uploaded_entry</c>).
    /// Call it in the upload's progress callback once <c>entry.IsDone</c>.
    /// </summary>
    /// <example><code>AllowUpload("avatar", autoUpload: true, progress: entry =&gt;
    /// {
    ///     if (entry.IsDone) { Saved.Add(ConsumeUploadedEntry(entry, (path, e) =&gt; Store(path, e.ClientName))); }
    ///     return ValueTask.CompletedTask;
    /// });</code></example>
    protected T ConsumeUploadedEntry<T>(UploadEntry entry, Func<string, UploadEntry, T> consume) =>
        UploadState.ConsumeEntry(entry, consume, Runtime?.Transfers);

    /// <summary>
    /// Hands each finished entry of upload <paramref name="name"/>, allowed with a <c>writer</c>, to
    /// <paramref name="consume"/> with its writer (closed as done: read what it kept, as Phoenix's
    /// <c>meta</c>), and removes the entries. Throws when the writers are not <typeparamref name="TWriter"/>.
    /// </summary>
    /// <example><code>ConsumeUploadedEntries("docs", (Sha256Writer writer, UploadEntry entry) =&gt; $"{entry.ClientName}: {writer.Hex}");</code></example>
    protected List<T> ConsumeUploadedEntries<TWriter, T>(string name, Func<TWriter, UploadEntry, T> consume)
        where TWriter : IUploadWriter =>
        UploadState.ConsumeWritten(name, consume, Runtime?.Transfers);

    /// <summary>Hands one done entry of an upload with a <c>writer</c> to <paramref name="consume"/> with its writer, and removes the entry; call it in the progress callback.</summary>
    /// <example><code>if (entry.IsDone) { Hashes.Add(ConsumeUploadedEntry(entry, (Sha256Writer writer, UploadEntry e) =&gt; writer.Hex)); }</code></example>
    protected T ConsumeUploadedEntry<TWriter, T>(UploadEntry entry, Func<TWriter, UploadEntry, T> consume)
        where TWriter : IUploadWriter =>
        UploadState.ConsumeWrittenEntry(entry, consume, Runtime?.Transfers);

    /// <summary>
    /// Hands each finished entry of external upload <paramref name="name"/> to <paramref name="consume"/>
    /// with the metadata its presign callback gave it, and removes the entries. The client uploader
    /// reported the progress: check with the store that the object is there before trusting it.
    /// </summary>
    /// <example><code>ConsumeExternalEntries("avatar", (meta, entry) =&gt; (string)meta["key"]!);</code></example>
    protected List<T> ConsumeExternalEntries<T>(string name, Func<JsonObject, UploadEntry, T> consume) =>
        UploadState.ConsumeExternal(name, consume);

    /// <summary>Removes entry <paramref name="entryRef"/> from upload <paramref name="name"/> and deletes its temp file; false when there is no such entry.</summary>
    /// <example><code>&lt;button type="button" phx-click="cancel" phx-value-ref="{entry.Ref}"&gt;</code> then <c>CancelUpload("avatar", payload.GetString("ref")!)</c>.</example>
    protected bool CancelUpload(string name, string entryRef) =>
        UploadState.Cancel(name, entryRef, Runtime?.Transfers);

    /// <summary>
    /// The file input of an upload, with the attributes the client's upload hook reads, plus any
    /// <paramref name="attributes"/> of yours (<c>class</c>, <c>data-*</c>, <c>required</c>…), as Phoenix's
    /// <c>live_file_input</c> takes them. An <c>accept</c> of yours replaces the upload's; the input's
    /// <c>id</c>, <c>name</c>, <c>type</c>, <c>multiple</c> and <c>data-phx-*</c> belong to the upload.
    /// </summary>
    /// <example><code>{LiveFileInput(Uploads["avatar"], Attr("class", "picker"), Attr("data-kind", "photo"), Attr("required", true))}</code></example>
    protected static Rendered LiveFileInput(UploadConfig upload, params TagAttribute[] attributes) =>
        UploadMarkup.FileInput(upload, attributes);

    /// <summary>The errors of the upload as a whole: <c>too_many_files</c>.</summary>
    protected static IReadOnlyList<string> UploadErrors(UploadConfig upload) => UploadMarkup.Errors(upload);

    /// <summary>The errors of one entry: <c>too_large</c>, <c>not_accepted</c>.</summary>
    protected static IReadOnlyList<string> UploadErrors(UploadConfig upload, UploadEntry entry) => UploadMarkup.Errors(upload, entry);
}
