using Rekindle.Hosting;

namespace Rekindle.TestApp.Uploads;

/// <summary>Routes of the upload test views that go beyond <see cref="UploadLive"/>: uploads interrupted by a dropped socket, uploads owned by a component, external uploads with their object store, and uploads into a custom writer.</summary>
public static class UploadViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<UploadDraftLive>("/test/upload-draft");
        app.MapLiveView<AutoUploadDraftLive>("/test/auto-upload-draft");
        app.MapLiveView<GatedUploadDraftLive>("/test/gated-upload-draft");
        app.MapLiveView<UploadComponentLive>("/test/upload-component");
        app.MapLiveView<ExternalUploadLive>("/test/external-upload");
        app.MapLiveView<ConsumeOnProgressLive>("/test/consume-on-progress");
        app.MapLiveView<HashedUploadLive>("/test/hashed-upload");
        app.MapLiveView<HashedUploadComponentLive>("/test/hashed-upload-component");
        ObjectStore.Map(app);
    }
}
