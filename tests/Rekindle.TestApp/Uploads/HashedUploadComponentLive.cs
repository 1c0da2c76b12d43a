using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Uploads;

/// <summary>A view with no upload of its own, around a <see cref="HashedUploadComponent"/>, whose upload has custom writers.</summary>
public sealed class HashedUploadComponentLive : LiveView
{
    public override Rendered Render() => Html($"""<section>{Component<HashedUploadComponent>("hashed")}</section>""");
}
