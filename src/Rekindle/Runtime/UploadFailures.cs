using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// A custom upload writer failed an entry (docs/protocol.md §5.7): as upstream's
/// <c>{:writer_failure, reason}</c>, the entry keeps its place with <c>writer_failure: &lt;reason&gt;</c>
/// until the user cancels it, and the upload's progress callback hears of it. The client already
/// released a submit waiting on the upload when the chunk's <c>writer_error</c> reply arrived.
/// </summary>
internal static class UploadFailures
{
    public const string Prefix = "writer_failure: ";

    /// <summary>Fails the entry in the view or the component owning its upload; false when it is gone (cancelled meanwhile).</summary>
    public static async ValueTask<bool> ApplyAsync(LiveView view, ComponentRegistry components, UploadFailedMessage failed)
    {
        var config = view.UploadState.FindByRef(failed.UploadRef) ?? FindInComponents(components, failed.UploadRef);
        if (config?.Find(failed.EntryRef) is not { IsDone: false } entry)
        {
            return false;
        }
        config.Fail(entry, Prefix + failed.Reason);
        if (config.ProgressCallback is { } progress)
        {
            await progress(entry);
        }
        return true;
    }

    /// <summary>The component upload with <paramref name="uploadRef"/>, its component marked to render.</summary>
    private static UploadConfig? FindInComponents(ComponentRegistry components, string uploadRef)
    {
        foreach (var component in components.All)
        {
            if (component.Instance.UploadState.FindByRef(uploadRef) is { } owned)
            {
                component.Dirty = true;
                return owned;
            }
        }
        return null;
    }
}
