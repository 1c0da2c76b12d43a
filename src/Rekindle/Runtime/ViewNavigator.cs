using System.Text.Json;
using Rekindle.Views;
using Rekindle.Routing;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// The URL side of one view (docs/protocol.md §8): resolves patch targets against the live
/// routes of the view's route group, runs <c>HandleParamsAsync</c> for patches of the same view, and
/// sends the frames that tell the client to patch, navigate or redirect.
/// </summary>
internal sealed class ViewNavigator(LiveRouteTable routes, string liveSession, Uri current, ViewOutput output, FlashTokens flashTokens, string browserSessionId, bool nested = false, bool sticky = false)
{
    private static readonly JsonEncodedText LinkRedirect = JsonEncodedText.Encode("link_redirect");
    /// <summary>Patches in a row a view may ask for before it counts as a loop (Phoenix's limit).</summary>
    public const int MaxPatchRedirects = 20;

    private readonly FrameWriter _frames = new();

    // Kept as text: a parsed Uri holds some 200 bytes more for the view's life, and only a patch reads it.
    private string _current = current.AbsoluteUri;

    private Uri Current => new(_current);

    /// <summary>Runs the view's params handler for <paramref name="url"/> if it routes to this same view; false otherwise.</summary>
    public async ValueTask<bool> TryPatchAsync(LiveView view, string url)
    {
        var current = Current;
        if (!Uri.TryCreate(current, url, out var target)
            || target.Authority != current.Authority
            || routes.Match(target.AbsolutePath, liveSession) is not { } match
            || match.Route.ViewType != view.GetType())
        {
            return false;
        }
        _current = target.AbsoluteUri;
        await view.HandleParamsAsync(RouteParameters.From(match.Values, target.Query), target);
        return true;
    }

    /// <summary>Answers a client <c>live_patch</c> that leaves the view: the client navigates instead (§8.2).</summary>
    public void ReplyLinkRedirect(string? messageRef)
    {
        _frames.BeginReply(output.JoinRef, messageRef, output.Topic, ok: true).WriteBoolean(LinkRedirect, true);
        output.Sink.Send(_frames.EndReply());
    }

    /// <summary>
    /// Carries out the navigation a handler asked for (§8.4): a patch runs the params handler, which
    /// may patch again, and tells the client the last URL before the diff; a navigate or redirect
    /// answers the event (or is pushed when there is no event) and ends the view. Returns false when
    /// the view ends. A params handler that keeps patching crashes the view after
    /// <see cref="MaxPatchRedirects"/> patches in a row, as Phoenix does.
    /// </summary>
    public async ValueTask<bool> ApplyAsync(LiveView view, string? messageRef)
    {
        if (nested && view.Effects.Navigation is PatchRequest)
        {
            // As Phoenix: the URL belongs to the page's main view; a child crashes alone and rejoins.
            throw new InvalidOperationException($"{view.GetType().Name} is a nested view and called PushPatch. Expected PushNavigate or Redirect from a nested view; only the page's main view patches the URL.");
        }
        PatchRequest? settled = null;
        for (var patches = 0; view.Effects.Navigation is PatchRequest patch; patches++)
        {
            if (patches == MaxPatchRedirects)
            {
                throw new InvalidOperationException($"too many redirects for {view.GetType().Name}: its HandleParamsAsync patched the URL {MaxPatchRedirects} times in a row (last to '{patch.To}'). Expected PushPatch from HandleParamsAsync to settle on a URL.");
            }
            view.Effects.Navigation = null;
            if (!await TryPatchAsync(view, patch.To))
            {
                // A patch to a URL of another view is a navigation; the flash goes along (§8.3).
                view.Effects.Navigation = patch;
                break;
            }
            settled = patch;
        }
        var navigation = view.Effects.Navigation;
        if (navigation is null)
        {
            if (settled is not null)
            {
                NavigationJson.WriteTarget(_frames.Begin(output.JoinRef, null, output.Topic, ProtocolNames.LivePatch), settled, flashToken: null);
                output.Sink.Send(_frames.End());
            }
            return true;
        }
        var flash = flashTokens.Protect(view.Flash, browserSessionId);
        if (sticky && navigation is NavigateRequest)
        {
            // As Phoenix: a sticky view's live navigation moves the page's main view and the sticky view
            // stays (§2.5); the event still gets its diff reply, so the navigation goes as a push.
            view.Effects.Navigation = null;
            NavigationJson.WriteTarget(_frames.Begin(output.JoinRef, null, output.Topic, ProtocolNames.LiveRedirect), navigation, flash);
            output.Sink.Send(_frames.End());
            return true;
        }
        if (messageRef is null)
        {
            var eventName = navigation is RedirectRequest ? ProtocolNames.Redirect : ProtocolNames.LiveRedirect;
            NavigationJson.WriteTarget(_frames.Begin(output.JoinRef, null, output.Topic, eventName), navigation, flash);
            output.Sink.Send(_frames.End());
        }
        else
        {
            var json = _frames.BeginReply(output.JoinRef, messageRef, output.Topic, ok: true);
            json.WritePropertyName(NavigationJson.KeyOf(navigation));
            NavigationJson.WriteTarget(json, navigation, flash);
            output.Sink.Send(_frames.EndReply());
        }
        return false;
    }
}
