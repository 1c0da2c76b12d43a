using System.Reflection;
using System.Text.Json.Nodes;
using Rekindle.Rendering;
using Rekindle.Uploads;

namespace Rekindle.Views;

/// <summary>
/// A stateful component inside a live view, placed with <c>Component&lt;T&gt;(id, assigns)</c>. Each
/// (type, id) pair is one instance with its own state for as long as the view renders it.
/// </summary>
/// <remarks>
/// Runs on its view's mailbox, never concurrently with the view or other components. Events reach it
/// when the element (or its form) has <c>phx-target="{Myself}"</c>.
/// </remarks>
/// <example>
/// <code>
/// public sealed class BallotComponent : LiveComponent
/// {
///     public string Question { get; set; } = "";
///     public string? Choice { get; private set; }
///     public override Rendered Render() =&gt; Html($"&lt;div&gt;{Question}: {Choice}&lt;button phx-click=\"pick\" phx-value-choice=\"yes\" phx-target=\"{Myself}\"&gt;Yes&lt;/button&gt;&lt;/div&gt;");
///     public override ValueTask HandleEventAsync(string name, EventPayload payload)
///     {
///         Choice = payload.GetString("choice");
///         return ValueTask.CompletedTask;
///     }
/// }
/// </code>
/// </example>
public abstract class LiveComponent : LiveTemplate
{
    /// <summary>The id given in <c>Component&lt;T&gt;(id, ...)</c>.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>This instance's cid, for <c>phx-target="{Myself}"</c>.</summary>
    protected int Myself => Cid;

    internal int Cid { get; set; }

    /// <summary>
    /// Whether the component lives in a connected view (over the socket) rather than in the dead
    /// render of the first GET, as Phoenix's <c>connected?(socket)</c> in a component.
    /// </summary>
    /// <example><code>public override ValueTask MountAsync() { if (IsConnected) { StartClock(); } return ValueTask.CompletedTask; }</code></example>
    protected bool IsConnected => Connected;

    internal bool Connected { get; set; }

    internal ViewUploads UploadState { get; } = new();

    /// <summary>The uploads this component allowed with <see cref="AllowUpload"/>, by name.</summary>
    protected IReadOnlyDictionary<string, UploadConfig> Uploads => UploadState.ByName;

    /// <summary>
    /// Allows an upload owned by this component, as <c>LiveView.AllowUpload</c> does for a view: render
    /// it with <see cref="LiveFileInput"/> in a form with <c>phx-target="{Myself}"</c>, and the
    /// selections, progress and submit come to this component. Call it in <see cref="MountAsync"/>.
    /// </summary>
    /// <param name="name">The upload's name (the input's <c>name</c>).</param>
    /// <param name="accept">Extensions and MIME types, comma-separated; <see langword="null"/> for any file.</param>
    /// <param name="maxEntries">Files one selection may hold.</param>
    /// <param name="maxFileSize">The largest file in bytes; a client sending more is cut off.</param>
    /// <param name="autoUpload">Upload each file as soon as it is chosen.</param>
    /// <param name="external">The presign callback of an external upload, as <c>LiveView.AllowUpload</c> takes it; consume with <see cref="ConsumeExternalEntries"/>.</param>
    /// <param name="maxEntriesMode">Whether <paramref name="maxEntries"/> also counts the files already consumed, as <c>LiveView.AllowUpload</c> takes it.</param>
    /// <param name="progress">Called on each progress of an entry, as <c>LiveView.AllowUpload</c> takes it; consume a done entry there with <see cref="ConsumeUploadedEntry{T}"/>.</param>
    /// <param name="writer">Makes each entry's <see cref="IUploadWriter"/> instead of a temp file, as <c>LiveView.AllowUpload</c> takes it.</param>
    /// <param name="chunkSize">Bytes per chunk the client sends, 1 to 64,000, as <c>LiveView.AllowUpload</c> takes it.</param>
    /// <example><code>public override ValueTask MountAsync() { AllowUpload("attachment", maxFileSize: 5_000_000); return ValueTask.CompletedTask; }</code></example>
    protected UploadConfig AllowUpload(string name, string? accept = null, int maxEntries = 1, long maxFileSize = 8_000_000, bool autoUpload = false, Func<UploadEntry, ExternalUpload>? external = null, Func<UploadEntry, ValueTask>? progress = null, MaxEntriesMode maxEntriesMode = MaxEntriesMode.Selected, Func<UploadEntry, IUploadWriter>? writer = null, int chunkSize = 64_000) =>
        UploadState.Allow(name, accept, maxEntries, maxFileSize, autoUpload, external, progress, maxEntriesMode, writer, chunkSize);

    /// <summary>Hands each finished file of this component's upload <paramref name="name"/> to <paramref name="consume"/>, then deletes what is left; call it in the form's <c>phx-submit</c> handler.</summary>
    /// <example><code>ConsumeUploadedEntries("attachment", (path, entry) =&gt; { File.Move(path, Path.Combine(dir, entry.Uuid)); return entry.ClientName; });</code></example>
    protected List<T> ConsumeUploadedEntries<T>(string name, Func<string, UploadEntry, T> consume) =>
        UploadState.Consume(name, consume, Runtime?.Transfers);

    /// <summary>Hands one done entry's temp file to <paramref name="consume"/> and removes the entry, as <c>LiveView.ConsumeUploadedEntry</c>; call it in the upload's progress callback.</summary>
    /// <example><code>if (entry.IsDone) { ConsumeUploadedEntry(entry, (path, e) =&gt; e.ClientName); }</code></example>
    protected T ConsumeUploadedEntry<T>(UploadEntry entry, Func<string, UploadEntry, T> consume) =>
        UploadState.ConsumeEntry(entry, consume, Runtime?.Transfers);

    /// <summary>Hands each finished entry of this component's upload with a <c>writer</c> to <paramref name="consume"/> with its writer, as <c>LiveView.ConsumeUploadedEntries</c>.</summary>
    /// <example><code>ConsumeUploadedEntries("docs", (Sha256Writer writer, UploadEntry entry) =&gt; writer.Hex);</code></example>
    protected List<T> ConsumeUploadedEntries<TWriter, T>(string name, Func<TWriter, UploadEntry, T> consume)
        where TWriter : IUploadWriter =>
        UploadState.ConsumeWritten(name, consume, Runtime?.Transfers);

    /// <summary>Hands one done entry of this component's upload with a <c>writer</c> to <paramref name="consume"/> with its writer, as <c>LiveView.ConsumeUploadedEntry</c>.</summary>
    /// <example><code>if (entry.IsDone) { ConsumeUploadedEntry(entry, (Sha256Writer writer, UploadEntry e) =&gt; writer.Hex); }</code></example>
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

    /// <summary>Removes entry <paramref name="entryRef"/> from this component's upload <paramref name="name"/> and deletes its temp file; false when there is no such entry.</summary>
    /// <example><code>CancelUpload("attachment", payload.GetString("ref")!)</code></example>
    protected bool CancelUpload(string name, string entryRef) =>
        UploadState.Cancel(name, entryRef, Runtime?.Transfers);

    /// <summary>The file input of an upload, with the attributes the client's upload hook reads and then any <paramref name="attributes"/> of yours, as <c>LiveView.LiveFileInput</c>.</summary>
    protected static Rendered LiveFileInput(UploadConfig upload, params TagAttribute[] attributes) =>
        UploadMarkup.FileInput(upload, attributes);

    /// <summary>The errors of the upload as a whole: <c>too_many_files</c>.</summary>
    protected static IReadOnlyList<string> UploadErrors(UploadConfig upload) => UploadMarkup.Errors(upload);

    /// <summary>The errors of one entry: <c>too_large</c>, <c>not_accepted</c>.</summary>
    protected static IReadOnlyList<string> UploadErrors(UploadConfig upload, UploadEntry entry) => UploadMarkup.Errors(upload, entry);

    /// <summary>Called once, when the component first appears.</summary>
    public virtual ValueTask MountAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Called after mount and whenever the parent renders the component with different assigns, or
    /// <c>SendUpdate</c> targets it. The default copies each property of <paramref name="assigns"/>
    /// (an anonymous object or record) to the component's settable property of the same name.
    /// </summary>
    public virtual ValueTask UpdateAsync(object? assigns)
    {
        if (assigns is not null)
        {
            AssignProperties(assigns);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Changes the URL of the view holding this component without leaving it: the view's
    /// <c>HandleParamsAsync</c> runs with the new parameters, as after the view's own <c>PushPatch</c>.
    /// </summary>
    /// <example><code>PushPatch($"/orders?page={Page + 1}");</code></example>
    protected void PushPatch(string to, bool replace = false) => Effects.Navigation = new PatchRequest(LiveView.CheckLocal(to), replace);

    /// <summary>Takes the view holding this component to another live view of its route group, as the view's own <c>PushNavigate</c>.</summary>
    /// <example><code>PushNavigate("/orders/" + OrderId);</code></example>
    protected void PushNavigate(string to, bool replace = false) => Effects.Navigation = new NavigateRequest(LiveView.CheckLocal(to), replace);

    /// <summary>Leaves the view holding this component with a full page load of <paramref name="to"/>, as the view's own <c>Redirect</c>.</summary>
    /// <example><code>Redirect("/signed-out");</code></example>
    protected void Redirect(string to) => Effects.Navigation = new RedirectRequest(LiveView.CheckLocal(to));

    /// <summary>Handles an event sent to this component. The base implementation refuses it with an error reply.</summary>
    public virtual ValueTask HandleEventAsync(string name, EventPayload payload) =>
        throw new UnhandledEventException(GetType(), name);

    private void AssignProperties(object assigns)
    {
        foreach (var source in assigns.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var target = GetType().GetProperty(source.Name, BindingFlags.Public | BindingFlags.Instance);
            if (target?.SetMethod is not { IsPublic: true })
            {
                throw new InvalidOperationException(
                    $"{GetType().Name} has no public settable property '{source.Name}'. Expected the assigns' properties to match the component's, or UpdateAsync to be overridden.");
            }
            target.SetValue(this, source.GetValue(assigns));
        }
    }
}
