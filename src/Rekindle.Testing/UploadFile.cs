namespace Rekindle.Testing;

/// <summary>A file a test selects in a file input: its name, MIME type and bytes (Phoenix's <c>%{name:, type:, content:}</c>).</summary>
/// <param name="Name">The file's name as the browser reports it, e.g. <c>notes.txt</c>.</param>
/// <param name="Type">The MIME type as the browser reports it, e.g. <c>text/plain</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record UploadFile(string Name, string Type, byte[] Content);
