using Rekindle.Views;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    /// <summary>The client's window event for an edited stylesheet; client/rekindle.js fetches the page's stylesheets again.</summary>
    internal const string StylesheetsChangedEvent = "rekindle:stylesheets";

    private void SubscribeToHotReload()
    {
        if (HotReload.IsActive)
        {
            _subscriptions.Add(HotReload.Subscribe(kind =>
            {
                var message = new HotReloadMessage(kind);
                PostInfo(message, message);
            }));
        }
    }

    /// <summary>Renders the view and every component again with the code as it is now, in full; the state stays as it was.</summary>
    private async ValueTask<bool> ApplyHotReloadAsync(LiveView view, RenderSession render, HotReloadKind kind)
    {
        view.Effects.Clear();
        if (kind == HotReloadKind.Stylesheets)
        {
            view.Effects.Events.Add((StylesheetsChangedEvent, null));
        }
        else
        {
            render.ForgetClientTree();
        }
        await SendDiffPushAsync(render);
        return true;
    }
}
