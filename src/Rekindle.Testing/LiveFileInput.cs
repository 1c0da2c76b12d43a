using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rekindle.Testing;

/// <summary>
/// A live file input (<c>LiveFileInput(upload)</c>) with files chosen by the test, driven as the
/// client's uploader drives it (docs/protocol.md §5.7): the selection goes to the form's
/// <c>phx-change</c> with the entries, <c>allow_upload</c> gets a token per valid entry, and each
/// entry's bytes go as binary chunks on its own <c>lvu:</c> channel, followed by <c>progress</c>.
/// For an external upload the preflight gives each entry its metadata instead, and the upload only
/// reports <c>progress</c>, as a client uploader would (the test plays the store itself). Get one from <see cref="LiveViewTest.FileInput"/>; as Phoenix's <c>file_input</c> and <c>render_upload</c>.
/// </summary>
/// <example><code>
/// var doc = view.FileInput("#upload-form", "doc", new UploadFile("notes.txt", "text/plain", "hello"u8.ToArray()));
/// await doc.UploadAsync("notes.txt", percent: 50);    // selects, preflights, sends half the bytes
/// await doc.UploadAsync();                             // every file to 100 %
/// await view.Form("#upload-form").SubmitAsync();      // the view consumes the entries
/// </code></example>
public sealed class LiveFileInput
{
    private const long LastModified = 1_732_440_000_000; // a fixed time: tests stay reproducible
    private readonly LiveViewTest _view;
    private readonly string _formSelector;
    private readonly List<Entry> _entries;

    internal LiveFileInput(LiveViewTest view, string formSelector, string name, IReadOnlyList<UploadFile> files)
    {
        _view = view;
        _formSelector = formSelector;
        Name = name;
        _entries = [.. files.Select(file => new Entry(file, view.NextUploadEntryRef()))];
    }

    /// <summary>The input's <c>name</c> (the upload's name).</summary>
    public string Name { get; }

    /// <summary>
    /// Chooses the files in the input: sends the form's <c>phx-change</c> with them as entries
    /// (<c>_target</c> the input), so the view validates them (<c>too_large</c>, <c>not_accepted</c>…).
    /// Returns the view's HTML once the reply is merged.
    /// </summary>
    public async Task<string> SelectAsync(CancellationToken cancellationToken = default)
    {
        var (form, input) = Find();
        var eventName = input.GetAttribute("phx-change") is { Length: > 0 } own ? own : form.GetAttribute("phx-change");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new LiveViewTestException($"Neither the file input '{Name}' nor the form '{_formSelector}' has a phx-change, so the client would not send the selection.");
        }
        var active = Refs(input, "data-phx-active-refs");
        var chosen = _entries.Where(entry => !entry.Selected || active.Contains(entry.Ref)).ToList();
        foreach (var entry in chosen)
        {
            entry.Selected = true;
        }
        var used = _view.UsedFields(FormValues.Key(form));
        lock (used)
        {
            used.Add(Name);
        }
        var uploads = new Dictionary<string, object?>
        {
            [UploadRef(input)] = chosen.Select(entry => new Dictionary<string, object?>
            {
                ["path"] = Name,
                ["ref"] = entry.Ref,
                ["last_modified"] = LastModified,
                ["name"] = entry.File.Name,
                ["relative_path"] = "",
                ["type"] = entry.File.Type,
                ["size"] = entry.File.Content.Length,
            }).ToList(),
        };
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormValues.Serialize(form, _formSelector, [], used, only: null),
            ["meta"] = new Dictionary<string, object?> { ["_target"] = Name },
            ["uploads"] = uploads,
        };
        foreach (var cid in LiveElement.Targets(_view, form.OuterHtml, form.GetAttribute("phx-target")))
        {
            var sent = new Dictionary<string, object?>(payload);
            if (cid is not null)
            {
                sent["cid"] = cid;
            }
            await _view.SendEventAsync(sent, $"file selection '{eventName}' of '{Name}'", cancellationToken);
        }
        return _view.RenderedHtml;
    }

    /// <summary>
    /// Sends <c>allow_upload</c> for the selected entries that have no token yet, as the client does
    /// on submit (or right away for auto-upload). Returns the errors the server gave (file name, reason), empty when all were allowed.
    /// </summary>
    public async Task<IReadOnlyList<(string File, string Error)>> PreflightAsync(CancellationToken cancellationToken = default)
    {
        var (form, input) = Find();
        var active = Refs(input, "data-phx-active-refs");
        var pending = _entries.Where(entry => entry.Selected && entry.Token is null && active.Contains(entry.Ref)).ToList();
        if (pending.Count == 0)
        {
            return [];
        }
        var payload = new Dictionary<string, object?>
        {
            ["ref"] = UploadRef(input),
            ["entries"] = pending.Select(entry => new Dictionary<string, object?>
            {
                ["last_modified"] = LastModified,
                ["name"] = entry.File.Name,
                ["relative_path"] = "",
                ["size"] = entry.File.Content.Length,
                ["type"] = entry.File.Type,
                ["ref"] = entry.Ref,
            }).ToList(),
        };
        if (OwnerCid(form) is { } cid)
        {
            payload["cid"] = cid;
        }
        var response = await _view.PushForResponseAsync("allow_upload", payload, $"allow_upload of '{Name}'", cancellationToken);
        if (response.TryGetProperty("error", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            return [.. errors.EnumerateArray().Select(error => (FileOf(error[0].GetString()), error[1].GetString() ?? ""))];
        }
        var chunkSize = response.GetProperty("config").GetProperty("chunk_size").GetInt32();
        foreach (var token in response.GetProperty("entries").EnumerateObject())
        {
            if (_entries.FirstOrDefault(entry => entry.Ref == token.Name) is { } entry)
            {
                // An external entry gets its uploader's metadata (an object) instead of a channel token.
                entry.External = token.Value.ValueKind == JsonValueKind.Object;
                entry.Token = entry.External ? token.Value.GetRawText() : token.Value.GetString();
                entry.ChunkSize = chunkSize;
            }
        }
        // Entries an external upload's presign refused (with auto-upload the others still go).
        return response.TryGetProperty("errors", out var refused) && refused.ValueKind == JsonValueKind.Object
            ? [.. refused.EnumerateObject().Select(error => (FileOf(error.Name), error.Value.GetString() ?? ""))]
            : [];
    }

    /// <summary>
    /// Uploads <paramref name="fileName"/> (every chosen file when <see langword="null"/>) up to
    /// <paramref name="percent"/> of its bytes, selecting and preflighting first when the test has
    /// not, and reports the progress as the client does after each acknowledged chunk. Returns the
    /// view's HTML once the last progress reply is merged.
    /// </summary>
    /// <exception cref="LiveViewTestException">The server refused the file (its reason), or its upload channel or a chunk.</exception>
    public async Task<string> UploadAsync(string? fileName = null, int percent = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var targets = fileName is null ? _entries : [.. _entries.Where(entry => entry.File.Name == fileName)];
        if (targets.Count == 0)
        {
            throw new LiveViewTestException($"The file input '{Name}' has no file named '{fileName}'. Its files: {string.Join(", ", _entries.Select(entry => entry.File.Name))}.");
        }
        if (targets.Any(entry => !entry.Selected))
        {
            await SelectAsync(cancellationToken);
        }
        if (await PreflightAsync(cancellationToken) is { Count: > 0 } errors)
        {
            throw new LiveViewTestException($"The server refused the upload of '{Name}': {string.Join(", ", errors.Select(error => $"{error.File}: {error.Error}"))}.");
        }
        foreach (var entry in targets)
        {
            if (entry.Token is null)
            {
                throw new LiveViewTestException($"'{entry.File.Name}' has no upload token: the server did not allow it (is it still an active entry?). The view's HTML:\n{_view.RenderedHtml}");
            }
            var (form, input) = Find();
            await new EntryUploader(_view, entry, input, OwnerCid(form)).SendAsync(percent, cancellationToken);
        }
        return _view.RenderedHtml;
    }

    private (IHtmlFormElement Form, IElement Input) Find()
    {
        var form = _view.QuerySingle(_formSelector) as IHtmlFormElement
            ?? throw new LiveViewTestException($"'{_formSelector}' is not a <form>.");
        var input = form.Elements.FirstOrDefault(control => control is IHtmlInputElement { Type: "file" } && control.GetAttribute("name") == Name)
            ?? throw new LiveViewTestException($"The form '{_formSelector}' has no file input named '{Name}'.");
        return (form, input);
    }

    /// <summary>The component owning the upload, as the client's <c>targetComponentID</c> of the form: its <c>allow_upload</c> and <c>progress</c> carry it as <c>cid</c>.</summary>
    private int? OwnerCid(IHtmlFormElement form) => LiveElement.Targets(_view, form.OuterHtml, form.GetAttribute("phx-target"))[0];

    private string UploadRef(IElement input) =>
        input.GetAttribute("data-phx-upload-ref")
        ?? throw new LiveViewTestException($"The file input '{Name}' is no live file input (no data-phx-upload-ref): {input.OuterHtml}");

    private static HashSet<string> Refs(IElement input, string attribute) =>
        [.. (input.GetAttribute(attribute) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private string FileOf(string? entryRef) => _entries.FirstOrDefault(entry => entry.Ref == entryRef)?.File.Name ?? entryRef ?? "";

    /// <summary>One chosen file: its client ref, and how far its upload got.</summary>
    internal sealed class Entry(UploadFile file, string entryRef)
    {
        public UploadFile File => file;

        public string Ref => entryRef;

        public bool Selected { get; set; }

        public string? Token { get; set; }

        public bool External { get; set; }

        public int ChunkSize { get; set; }

        public string? ChannelJoinRef { get; set; }

        public int Sent { get; set; }

        public int Progress { get; set; }
    }
}
