using System.Text.Json;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// Writes a navigation's target object, the same in every place it travels (docs/protocol.md
/// §3.5, §5.5, §6): <c>{"to":…,"flash":…}</c> for a redirect, <c>{"to":…,"kind":…,"flash":…}</c> for
/// a live navigation or patch; <c>flash</c> only when there is one.
/// </summary>
internal static class NavigationJson
{
    public static readonly JsonEncodedText RedirectKey = JsonEncodedText.Encode("redirect");
    public static readonly JsonEncodedText LiveRedirectKey = JsonEncodedText.Encode("live_redirect");
    public static readonly JsonEncodedText LivePatchKey = JsonEncodedText.Encode("live_patch");
    private static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Flash = JsonEncodedText.Encode("flash");

    /// <summary>The key a navigation goes under in a reply: <c>redirect</c> for a page load, <c>live_redirect</c> otherwise.</summary>
    public static JsonEncodedText KeyOf(NavigationRequest navigation) => navigation is RedirectRequest ? RedirectKey : LiveRedirectKey;

    public static void WriteTarget(Utf8JsonWriter json, NavigationRequest navigation, string? flashToken)
    {
        json.WriteStartObject();
        json.WriteString(To, navigation.To);
        switch (navigation)
        {
            case NavigateRequest navigate:
                json.WriteString(Kind, navigate.Replace ? "replace" : "push");
                break;
            case PatchRequest patch:
                json.WriteString(Kind, patch.Replace ? "replace" : "push");
                break;
        }
        if (flashToken is not null)
        {
            json.WriteString(Flash, flashToken);
        }
        json.WriteEndObject();
    }
}
