using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3026: a status select above either a status box or, once loaded, a form
/// component. Submitting the form sets the status back to loading, which removes the component, and
/// a message 200 ms later loads it again; switching the status quickly removes and re-adds it.
/// </summary>
public sealed class Issue3026Live : LiveView
{
    private static readonly string[] s_statuses = ["connecting", "loading", "connected", "loaded"];

    private string _status = "connecting";
    private string _name = "";
    private string _email = "";

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected)
        {
            _status = "loading";
            SendAfter(Load.Instance, TimeSpan.Zero);
        }
        return ValueTask.CompletedTask;
    }

    public override async ValueTask HandleInfoAsync(object message)
    {
        if (message is Load)
        {
            await Task.Delay(200, CancellationToken);
            (_status, _name, _email) = ("loaded", "John", "");
        }
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="status-form" phx-change="change_status">
            <select name="status">{Each(s_statuses, status => status, status => Html($"<option value=\"{status}\"{Attr("selected", status == _status)}>{char.ToUpperInvariant(status[0]) + status[1..]}</option>"))}</select>
          </form>
          {(_status == "loaded"
              ? Html($"{Component<Issue3026FormComponent>("my-form", new { Name = _name, Email = _email })}")
              : Html($"<div class=\"status\">{_status}</div>"))}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "change_status" when payload.Form is { } form && form["status"] is { } status && s_statuses.Contains(status):
                _status = status;
                break;
            case "validate" when payload.Form is { } fields:
                (_name, _email) = (fields["name"] ?? "", fields["email"] ?? "");
                break;
            case "submit":
                _status = "loading";
                SendAfter(Load.Instance, TimeSpan.Zero);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The message that loads the form.</summary>
    public sealed class Load
    {
        public static readonly Load Instance = new();
    }
}
