using System.Text.Json;

namespace Rekindle.Wire;

/// <summary>Event names and reply keys of the Phoenix channel protocol (docs/protocol.md §1).</summary>
internal static class ProtocolNames
{
    public const string PhoenixTopic = "phoenix";
    public const string Heartbeat = "heartbeat";
    public const string Join = "phx_join";
    public const string Leave = "phx_leave";
    public const string Reply = "phx_reply";
    public const string Error = "phx_error";
    public const string Close = "phx_close";
    public const string Event = "event";
    public const string Diff = "diff";
    public const string CidsWillDestroy = "cids_will_destroy";
    public const string CidsDestroyed = "cids_destroyed";
    public const string LivePatch = "live_patch";
    public const string LiveRedirect = "live_redirect";
    public const string Redirect = "redirect";
    public const string ViewTopicPrefix = "lv:";
    public const string LiveViewVersion = "1.2.12";

    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Response = JsonEncodedText.Encode("response");
    public static readonly JsonEncodedText Ok = JsonEncodedText.Encode("ok");
    public static readonly JsonEncodedText ErrorStatus = JsonEncodedText.Encode("error");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText Rendered = JsonEncodedText.Encode("rendered");
    public static readonly JsonEncodedText DiffKey = JsonEncodedText.Encode("diff");
    public static readonly JsonEncodedText Version = JsonEncodedText.Encode("liveview_version");
    public static readonly JsonEncodedText Cids = JsonEncodedText.Encode("cids");
    public static readonly JsonEncodedText Container = JsonEncodedText.Encode("container");
}
