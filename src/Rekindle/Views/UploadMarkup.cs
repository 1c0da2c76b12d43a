using System.Runtime.CompilerServices;
using Rekindle.Rendering;
using Rekindle.Uploads;

namespace Rekindle.Views;

/// <summary>The markup and errors of an upload, shared by <see cref="LiveView"/> and <see cref="LiveComponent"/>, which both own uploads.</summary>
internal static class UploadMarkup
{
    /// <summary>The file input with the attributes the client's upload hook reads (docs/protocol.md §5.7).</summary>
    public static Rendered FileInput(UploadConfig upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var active = string.Join(",", upload.Entries.Select(entry => entry.Ref));
        var done = string.Join(",", upload.Entries.Where(entry => entry.IsDone).Select(entry => entry.Ref));
        var preflighted = string.Join(",", upload.Entries.Where(entry => entry.IsPreflighted).Select(entry => entry.Ref));
        var errors = upload.Errors.Count == 0 ? null : string.Join(",", upload.Errors.Select(error => error.Ref).Distinct());
        return Html($"""<input id="{upload.Ref}" type="file" name="{upload.Name}"{TagAttribute.Value("accept", upload.Accept)} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref="{upload.Ref}" data-phx-active-refs="{active}" data-phx-done-refs="{done}" data-phx-preflighted-refs="{preflighted}"{TagAttribute.Value("data-phx-error-refs", errors)}{TagAttribute.Flag("multiple", upload.MaxEntries > 1)}{TagAttribute.Flag("data-phx-auto-upload", upload.AutoUpload)}>""");
    }

    public static IReadOnlyList<string> Errors(UploadConfig upload) =>
        [.. upload.Errors.Where(error => error.Ref == upload.Ref).Select(error => error.Error)];

    public static IReadOnlyList<string> Errors(UploadConfig upload, UploadEntry entry) =>
        [.. upload.Errors.Where(error => error.Ref == entry.Ref).Select(error => error.Error)];

    private static Rendered Html(HtmlTemplateHandler template, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        template.Build(callerFile, callerLine);
}
