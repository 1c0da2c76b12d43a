using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>The messages tab of <see cref="Issue3200Live"/>: a nested component and a form targeting this component by a selector.</summary>
public sealed class Issue3200MessagesComponent : LiveComponent
{
    private string _value = "";

    public override Rendered Render() => Html($"""
        <div>
          {Component<Issue3200MessageComponent>("some_unique_message_id", new { Message = "Example message" })}
          <form id="full_add_message_form" phx-change="add_message_change" phx-submit="add_message" phx-target="#full_add_message_form">
            <div><input id="new_message_input" name="new_message" value="{_value}"></div>
          </form>
          <p id="echo">{_value}</p>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "add_message_change":
                _value = payload.Form?["new_message"] ?? "";
                break;
            case "add_message":
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
