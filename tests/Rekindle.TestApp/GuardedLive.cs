using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A view of the "guarded" route group: only admins get past its on-mount hooks.</summary>
public sealed class GuardedLive : LiveView
{
    /// <summary>Set by <see cref="RequireAdminHook"/>.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Set by the lambda hook that runs after <see cref="RequireAdminHook"/> lets the mount continue.</summary>
    public string CheckedBy { get; set; } = "";

    public override Rendered Render() => Html($"""
        <main>
          <p id="welcome">Welcome {UserName}</p>
          <p id="checked-by">{CheckedBy}</p>
        </main>
        """);
}
