using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>The component list of <see cref="UserStreamLive"/>: its own stream <c>c_users</c>, changed by its own events.</summary>
public sealed class UserStreamComponent : LiveComponent
{
    public override ValueTask MountAsync()
    {
        Stream("c_users", UserStreamLive.Initial(), user => $"c_users-{user.Id}");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="c_users" phx-update="stream">{StreamEach<UserStreamLive.User>("c_users", (id, user) => UserStreamLive.Item(id, user, Myself))}</div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (payload.GetString("id") is not { } id)
        {
            return base.HandleEventAsync(name, payload);
        }
        var user = new UserStreamLive.User(id["c_users-".Length..], "updated");
        switch (name)
        {
            case "update":
                StreamInsert("c_users", user);
                break;
            case "delete":
                StreamDeleteByDomId("c_users", id);
                break;
            case "move-to-first":
                StreamDeleteByDomId("c_users", id);
                StreamInsert("c_users", user, at: 0);
                break;
            case "move-to-last":
                StreamDeleteByDomId("c_users", id);
                StreamInsert("c_users", user, at: -1);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
