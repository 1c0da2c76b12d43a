using System.Runtime.CompilerServices;
using Rekindle.Rendering;
using Rekindle.Uploads;

namespace Rekindle.Views;

/// <summary>The markup and errors of an upload, shared by <see cref="LiveView"/> and <see cref="LiveComponent"/>, which both own uploads.</summary>
internal static class UploadMarkup
{
    /// <summary>
    /// The file input with the attributes the client's upload hook reads (docs/protocol.md §5.7), then the
    /// caller's <paramref name="attributes"/>. An <c>accept</c> of the caller's replaces the upload's; the
    /// input's <c>id</c>, <c>name</c>, <c>type</c>, <c>multiple</c> and <c>data-phx-*</c> belong to the upload.
    /// </summary>
    public static Rendered FileInput(UploadConfig upload, TagAttribute[] attributes)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            var name = attribute.Name.ToLowerInvariant();
            if (name is "id" or "name" or "type" or "multiple" || name.StartsWith("data-phx-", StringComparison.Ordinal))
            {
                throw new ArgumentException($"LiveFileInput sets '{attribute.Name}' itself for upload '{upload.Name}'. Expected other attributes (class, data-*, required, accept…).", nameof(attributes));
            }
        }
        var accept = attributes.Any(attribute => attribute.Name.Equals("accept", StringComparison.OrdinalIgnoreCase)) ? null : upload.Accept;
        var active = string.Join(",", upload.Entries.Select(entry => entry.Ref));
        var done = string.Join(",", upload.Entries.Where(entry => entry.IsDone).Select(entry => entry.Ref));
        var preflighted = string.Join(",", upload.Entries.Where(entry => entry.IsPreflighted).Select(entry => entry.Ref));
        var errors = upload.Errors.Count == 0 ? null : string.Join(",", upload.Errors.Select(error => error.Ref).Distinct());
        return Html($"""<input id="{upload.Ref}" type="file" name="{upload.Name}"{TagAttribute.Value("accept", accept)} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref="{upload.Ref}" data-phx-active-refs="{active}" data-phx-done-refs="{done}" data-phx-preflighted-refs="{preflighted}"{TagAttribute.Value("data-phx-error-refs", errors)}{TagAttribute.Flag("multiple", upload.MaxEntries > 1)}{TagAttribute.Flag("data-phx-auto-upload", upload.AutoUpload)}{TagAttribute.Join(attributes)}>""");
    }

    public static IReadOnlyList<string> Errors(UploadConfig upload) =>
        [.. upload.Errors.Where(error => error.Ref == upload.Ref).Select(error => error.Error)];

    public static IReadOnlyList<string> Errors(UploadConfig upload, UploadEntry entry) =>
        [.. upload.Errors.Where(error => error.Ref == entry.Ref).Select(error => error.Error)];

    private static Rendered Html(HtmlTemplateHandler template, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        template.Build(callerFile, callerLine);
}
