using System.Text.Json;
using Rekindle.Hosting;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// The URL side of one view (liveview-protocol.md §8): resolves patch targets against the live
/// routes of the view's route group, runs <c>HandleParamsAsync</c> for patches of the same view, and
/// writes the frames that tell the client to patch, navigate or redirect.
/// </summary>
internal sealed class ViewNavigator(LiveRouteTable routes, string liveSession, Uri current)
{
    private static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");

    public Uri Current { get; private set; } = current;

    /// <summary>Runs the view's params handler for <paramref name="url"/> if it routes to this same view; false otherwise.</summary>
    public async ValueTask<bool> TryPatchAsync(LiveView view, string url)
    {
        if (!Uri.TryCreate(Current, url, out var target)
            || target.Authority != Current.Authority
            || routes.Match(target.AbsolutePath, liveSession) is not { } match
            || match.Route.ViewType != view.GetType())
        {
            return false;
        }
        Current = target;
        await view.HandleParamsAsync(RouteParameters.From(match.Values, target.Query), target);
        return true;
    }

    /// <summary>The <c>{to, kind}</c> object of <c>live_patch</c> and <c>live_redirect</c>.</summary>
    public static void WriteTarget(Utf8JsonWriter json, string to, bool replace)
    {
        json.WriteStartObject();
        json.WriteString(To, to);
        json.WriteString(Kind, replace ? "replace" : "push");
        json.WriteEndObject();
    }

    /// <summary>The <c>{to}</c> object of <c>redirect</c>.</summary>
    public static void WriteRedirect(Utf8JsonWriter json, string to)
    {
        json.WriteStartObject();
        json.WriteString(To, to);
        json.WriteEndObject();
    }
}
