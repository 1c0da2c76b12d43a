using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>A view with no upload of its own, around an <see cref="AttachmentComponent"/> that has one.</summary>
public sealed class UploadComponentLive : LiveView
{
    public override Rendered Render() => Html($"""<section>{Component<AttachmentComponent>("attachment")}</section>""");
}
