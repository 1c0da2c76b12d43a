using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Two users streamed by the view (<c>#users</c>) and the same two by a component with a stream of its
/// own (<c>#c_users</c>, <see cref="UserStreamComponent"/>). Each item's buttons update it in place,
/// delete it, or delete it and insert it again, updated, first or last in one render (issue 17, item 13).
/// </summary>
public sealed class UserStreamLive : LiveView
{
    public sealed record User(string Id, string Name);

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("users", Initial(), DomId);
        return ValueTask.CompletedTask;
    }

    /// <summary>The users both lists start with.</summary>
    public static User[] Initial() => [new("1", "chris"), new("2", "callan")];

    private static string DomId(User user) => $"users-{user.Id}";

    public override Rendered Render() => Html($"""
        <main>
          <div id="users" phx-update="stream">{StreamEach<User>("users", (id, user) => Item(id, user, target: null))}</div>
          {Component<UserStreamComponent>("c_users")}
        </main>
        """);

    /// <summary>One user with its buttons; <paramref name="target"/> sends the clicks to a component.</summary>
    public static Rendered Item(string id, User user, int? target) => Html($"""<div id="{id}"><span class="name">{user.Name}</span><button class="update" phx-click="update" phx-value-id="{id}"{Attr("phx-target", target?.ToString(CultureInfo.InvariantCulture))}>update</button><button class="delete" phx-click="delete" phx-value-id="{id}"{Attr("phx-target", target?.ToString(CultureInfo.InvariantCulture))}>delete</button><button class="first" phx-click="move-to-first" phx-value-id="{id}"{Attr("phx-target", target?.ToString(CultureInfo.InvariantCulture))}>make first</button><button class="last" phx-click="move-to-last" phx-value-id="{id}"{Attr("phx-target", target?.ToString(CultureInfo.InvariantCulture))}>make last</button></div>""");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (payload.GetString("id") is not { } id)
        {
            return base.HandleEventAsync(name, payload);
        }
        var user = new User(id["users-".Length..], "updated");
        switch (name)
        {
            case "update":
                StreamInsert("users", user);
                break;
            case "delete":
                StreamDeleteByDomId("users", id);
                break;
            case "move-to-first":
                StreamDeleteByDomId("users", id);
                StreamInsert("users", user, at: 0);
                break;
            case "move-to-last":
                StreamDeleteByDomId("users", id);
                StreamInsert("users", user, at: -1);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
