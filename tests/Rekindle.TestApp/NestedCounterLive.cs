using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// A nested view: a recoverable count, a note kept only by the form (so it comes back by form
/// recovery alone), a crash, a forbidden patch, a navigation, and a grandchild.
/// </summary>
public sealed class NestedCounterLive : LiveView
{
    private static int s_connectedMounts;
    private string _name = "";
    private string _note = "";
    private int _mounts;

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        _name = context.Session.GetValueOrDefault("name") ?? throw new InvalidOperationException("expected a name in the session");
        if (context.IsConnected)
        {
            _mounts = Interlocked.Increment(ref s_connectedMounts);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section>
          <span id="{_name}-count">{Count}</span>
          <span id="{_name}-mounts">{_mounts}</span>
          <button id="{_name}-inc" phx-click="inc">+</button>
          <button id="{_name}-boom" phx-click="boom">boom</button>
          <button id="{_name}-patch" phx-click="patch">patch</button>
          <button id="{_name}-navigate" phx-click="navigate">navigate</button>
          <form id="{_name}-form" phx-change="note"><input id="{_name}-note" name="note" value="{_note}"></form>
          <span id="{_name}-note-echo">{_note}</span>
          {LiveRender<NestedLeafLive>(_name + "-leaf", session: new Dictionary<string, string> { ["name"] = _name + "-leaf" })}
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc": Count++; break;
            case "note": _note = payload.Form?["note"] ?? ""; break;
            case "boom": throw new InvalidOperationException($"boom from nested {_name}");
            case "patch": PushPatch("/test/nested?from=child"); break;
            case "navigate": PushNavigate("/counter"); break;
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
