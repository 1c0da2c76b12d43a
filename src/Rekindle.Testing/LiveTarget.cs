using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>
/// Where events sent by name go: the view, or what a <c>phx-target</c>-style selector names (the
/// component around each match, or the view for a match outside any component; a number is a cid),
/// as a hook's <c>pushEventTo(target, …)</c> and LiveViewTest's <c>with_target</c> route them (docs/protocol.md §5.4).
/// Get one from <see cref="LiveViewTest.Target(string)"/>.
/// </summary>
public sealed class LiveTarget
{
    private readonly LiveViewTest _view;
    private readonly string? _target;

    internal LiveTarget(LiveViewTest view, string? target)
    {
        _view = view;
        _target = target;
    }

    /// <summary>
    /// Sends the event <paramref name="name"/> as a click would (LiveViewTest's <c>render_click(view, event, value)</c>)
    /// and returns the reply of the last target (<c>Reply(...)</c>), or <see langword="null"/>.
    /// </summary>
    /// <example><code>await view.Target("#cart").PushEventAsync("add", new { sku = "A1" });</code></example>
    public Task<JsonElement?> PushEventAsync(string name, object? value = null, CancellationToken cancellationToken = default) =>
        SendAsync("click", name, value, cancellationToken);

    /// <summary>Sends the event as a hook's <c>pushEventTo(target, name, payload)</c> does and returns the reply of the last target, or <see langword="null"/>.</summary>
    public Task<JsonElement?> PushHookEventAsync(string name, object? payload = null, CancellationToken cancellationToken = default) =>
        SendAsync("hook", name, payload, cancellationToken);

    private async Task<JsonElement?> SendAsync(string type, string name, object? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        JsonElement? reply = null;
        foreach (var cid in LiveElement.Targets(_view, $"the test's target '{_target}'", _target))
        {
            var payload = new Dictionary<string, object?> { ["type"] = type, ["event"] = name, ["value"] = value ?? new Dictionary<string, object?>() };
            if (cid is not null)
            {
                payload["cid"] = cid;
            }
            reply = await _view.SendEventAsync(payload, $"{type} event '{name}'{(_target is null ? "" : $" to '{_target}'")}", cancellationToken);
        }
        return reply;
    }
}
