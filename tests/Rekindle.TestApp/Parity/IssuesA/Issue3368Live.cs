using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>Upstream's issue 3368: a view holding only <see cref="Issue3368UploadComponent"/>.</summary>
public sealed class Issue3368Live : LiveView
{
    public override Rendered Render() => Html($"<main>{Component<Issue3368UploadComponent>("uploader")}</main>");
}
