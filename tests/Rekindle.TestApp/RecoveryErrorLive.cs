using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// Form recovery that goes wrong (docs/protocol.md §7.6): the wish form, last in the page, is
/// recovered through the event the query names, <c>?recover=recover_throws</c> (its handler throws)
/// or <c>?recover=recover_missing</c> (no handler); the note form before it recovers normally.
/// </summary>
public sealed class RecoveryErrorLive : LiveView
{
    public const string CrashMessage = "recover_throws fails on purpose";

    private string _mounts = "dead render";
    private string _recover = "";
    private string _note = "";
    private string _wish = "";
    private int _clicks;

    public override ValueTask MountAsync(MountContext context)
    {
        _recover = context.Params.GetValueOrDefault("recover") ?? "";
        if (context.ConnectParams is { } connect)
        {
            _mounts = $"mounts={connect.Mounts}";
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section>
          <p id="mounts">{_mounts}</p>
          <form id="note-form" phx-change="note_changed">
            <input id="note" type="text" name="note" value="{_note}">
          </form>
          <p id="note-echo">{_note}</p>
          <form id="wish-form" phx-change="wish_changed" phx-auto-recover="{_recover}">
            <input id="wish" type="text" name="wish" value="{_wish}">
          </form>
          <p id="wish-echo">{_wish}</p>
          <button id="click" phx-click="click">click</button>
          <p id="clicks">{_clicks}</p>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "note_changed":
                _note = payload.Form?["note"] ?? "";
                break;
            case "wish_changed":
                _wish = payload.Form?["wish"] ?? "";
                break;
            case "recover_throws":
                throw new InvalidOperationException(CrashMessage);
            case "click":
                _clicks++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
