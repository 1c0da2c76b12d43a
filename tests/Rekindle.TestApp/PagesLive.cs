using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Live navigation: patches within the view, navigation to another view, a redirect.</summary>
public sealed class PagesLive : LiveView
{
    private string _page = "";
    private int _paramsCalls;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _page = parameters.GetValueOrDefault("page") ?? "";
        _paramsCalls++;
        PageTitle = $"Page {_page}";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="page">{_page}</p>
          <p id="params-calls">{_paramsCalls}</p>
          <button id="next" phx-click="next">next</button>
          <a id="patch-link" href="/test/pages/3" data-phx-link="patch" data-phx-link-state="push">page 3</a>
          <a id="navigate-link" href="/counter" data-phx-link="redirect" data-phx-link-state="push">counter</a>
          <a id="hash-navigate-link" href="/test/parity/long-list#item-42" data-phx-link="redirect" data-phx-link-state="push">long list at 42</a>
          <button id="go-counter" phx-click="go_counter">go to counter</button>
          <button id="leave" phx-click="leave">leave</button>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "next":
                PushPatch($"/test/pages/{(int.TryParse(_page, out var page) ? page + 1 : 1)}");
                break;
            case "go_counter":
                PushNavigate("/counter");
                break;
            case "leave":
                Redirect("/seed");
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
