using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

/// <summary>A view's allowed uploads by name and by ref.</summary>
public sealed class ViewUploadsTests
{
    [Fact]
    public void New_AViewThatNeverAllowsAnUpload_AllocatesNoDictionary()
    {
        _ = new ViewUploads(); // the first construction may allocate for the runtime, not for the view
        var before = GC.GetAllocatedBytesForCurrentThread();

        var uploads = new ViewUploads();

        // Issue 23: 24 B (the object alone) against 192 B with the two eager dictionaries every view had.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 1, 32);
        Assert.Empty(uploads.ByName);
        Assert.Null(uploads.FindByRef("phx-anything"));
    }

    [Fact]
    public void Allow_TheSameNameAgain_FindsTheNewRefOnly()
    {
        var uploads = new ViewUploads();
        var first = uploads.Allow("avatar", accept: null, maxEntries: 1, maxFileSize: 1000, autoUpload: false, external: null, progress: null);

        var second = uploads.Allow("avatar", accept: null, maxEntries: 1, maxFileSize: 1000, autoUpload: false, external: null, progress: null);

        Assert.NotEqual(first.Ref, second.Ref);
        Assert.Null(uploads.FindByRef(first.Ref));
        Assert.Same(second, uploads.FindByRef(second.Ref));
        Assert.Same(second, uploads.ByName["avatar"]);
    }
}
