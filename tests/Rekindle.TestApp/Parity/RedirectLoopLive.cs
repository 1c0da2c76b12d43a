using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Issue 17, item 2: the "Redirect loop" link patches to <c>?loop=true</c>, whose
/// <c>HandleParamsAsync</c> patches to itself until the view crashes; the remount, mounted with the
/// parameter, no longer loops and says why it is back.
/// </summary>
public sealed class RedirectLoopLive : LiveView
{
    private bool _loop = true;
    private string? _message;

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.Params.ContainsKey("loop"))
        {
            _message = "Too many redirects";
            _loop = false;
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        if (parameters.ContainsKey("loop") && _loop)
        {
            PushPatch("/test/parity/redirect-loop?loop=true");
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="message">{_message}</p>
          <a id="loop-link" href="/test/parity/redirect-loop?loop=true" data-phx-link="patch" data-phx-link-state="push">Redirect Loop</a>
        </main>
        """);
}
