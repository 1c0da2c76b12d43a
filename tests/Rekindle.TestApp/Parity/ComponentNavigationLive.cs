using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Holds a <see cref="NavigatingComponent"/> and a <see cref="ConnectedBadgeComponent"/>, and shows the page its URL names.</summary>
public sealed class ComponentNavigationLive : LiveView
{
    private string _page = "1";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _page = parameters.GetValueOrDefault("page") ?? "1";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<main><p id=\"page\">{_page}</p>{Component<NavigatingComponent>("navigator")}{Component<ConnectedBadgeComponent>("badge")}</main>");
}
