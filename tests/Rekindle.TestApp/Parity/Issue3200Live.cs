using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Upstream's issue 3200: two tabs patched with <c>JS.patch</c> (<c>/test/parity/issue-3200/{tab}</c>);
/// the messages tab is a component (<see cref="Issue3200MessagesComponent"/>) whose form targets
/// itself by a selector, <c>phx-target="#full_add_message_form"</c>.
/// </summary>
public sealed class Issue3200Live : LiveView
{
    private string _tab = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _tab = parameters.GetValueOrDefault("tab") ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <button type="button" id="messages-tab" phx-click="{JS.Patch("/test/parity/issue-3200/messages")}">Messages</button>
          <button type="button" id="settings-tab" phx-click="{JS.Patch("/test/parity/issue-3200/settings")}">Settings</button>
          <aside>{(_tab == "messages" ? Html($"<div>{Component<Issue3200MessagesComponent>("messages_tab")}</div>") : Html($"<div id=\"settings\">Settings</div>"))}</aside>
        </main>
        """);
}
