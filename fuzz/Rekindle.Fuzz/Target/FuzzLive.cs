using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Fuzz;

/// <summary>
/// The view the fuzzer talks to: it renders what the client sent (params, connect params, form
/// values) into text and attributes, keeps a keyed list and two components (one removable, for the
/// <c>cids_*</c> pushes), patches its URL with a value from the event, and has recoverable state so
/// every event also takes a snapshot. Its own code never throws: a crash is the engine's.
/// </summary>
public sealed class FuzzLive : LiveView
{
    private const int MaxItems = 8;
    private readonly List<string> _items = [];
    private string _params = "";
    private bool _showSecond = true;

    [Recoverable]
    public int Count { get; set; }

    [Recoverable]
    public string Echo { get; set; } = "";

    public override ValueTask MountAsync(MountContext context)
    {
        Echo = string.Join(",", context.ConnectParams?.Keys ?? []);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _params = string.Join("&", parameters.Select(p => $"{p.Key}={p.Value}"));
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section title="{Echo}">
          <p>{Count}</p>
          <p>{_params}</p>
          <form phx-change="validate" phx-submit="save"><input name="user[name]" value="{Echo}"></form>
          <ul>{Each(_items, item => item, item => Html($"<li>{item}</li>"))}</ul>
          {Component<FuzzCounter>("first")}
          {(_showSecond ? Html($"{Component<FuzzCounter>("second")}") : Html($""))}
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc":
                Count++;
                break;
            case "validate" or "save" when payload.Form is { } form:
                Echo = form["user[name]"] ?? "";
                foreach (var field in form.Names.Where(field => !_items.Contains(field)).Take(MaxItems - _items.Count))
                {
                    _items.Add(field);
                }
                break;
            case "value":
                Echo = payload.GetString("value") ?? payload.Key ?? "";
                break;
            case "toggle":
                _showSecond = !_showSecond;
                break;
            case "clear":
                _items.Clear();
                break;
            case "patch":
                PushPatch("/fuzz?q=" + Uri.EscapeDataString(payload.GetString("q") ?? ""));
                break;
            case "navigate":
                PushNavigate("/fuzz/" + Uri.EscapeDataString(payload.GetString("id") ?? "x"));
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        (message as FuzzBarrier)?.Reached.TrySetResult();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A component that counts its clicks and echoes a value.</summary>
public sealed class FuzzCounter : LiveComponent
{
    [Recoverable]
    public int Clicks { get; set; }

    public string Last { get; set; } = "";

    public override Rendered Render() => Html($"""<button phx-click="inc" phx-target="{Myself}" data-last="{Last}">{Clicks}</button>""");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Clicks++;
        Last = payload.GetString("value") ?? "";
        return ValueTask.CompletedTask;
    }
}
