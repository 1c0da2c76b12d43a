using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Where <see cref="FlashLive"/> and <see cref="MountNavigateLive"/> send the user: shows the flash it was given; a patch link clears it.</summary>
public sealed class FlashTargetLive : LiveView
{
    public override Rendered Render() => Html($"""
        <main>
          <h1 id="target">Target</h1>
          <a id="patch" href="/test/flash/target/2" data-phx-link="patch" data-phx-link-state="push">patch</a>
          {FlashGroup()}
        </main>
        """);
}
